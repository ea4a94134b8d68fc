CREATE TABLE `cart_items` (
	`cart_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`cart_id`, `product_id`),
	FOREIGN KEY (`cart_id`) REFERENCES `carts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cart_items_qty_ck" CHECK("cart_items"."quantity" between 1 and 999)
);
--> statement-breakpoint
CREATE INDEX `cart_items_product_idx` ON `cart_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `carts` (
	`id` integer PRIMARY KEY NOT NULL,
	`token_hash` text,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "carts_owner_ck" CHECK(("carts"."token_hash" is null) <> ("carts"."user_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carts_token_hash_unique` ON `carts` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `carts_user_id_unique` ON `carts` (`user_id`);--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`status` text NOT NULL,
	`actor_user_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `payment_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`checkout_code` text NOT NULL,
	`method` text NOT NULL,
	`provider` text NOT NULL,
	`amount` integer NOT NULL,
	`provider_session_id` text,
	`pay_url` text,
	`last_error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`method`) REFERENCES `payment_methods`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_sessions_amount_ck" CHECK("payment_sessions"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_sessions_reference_unique` ON `payment_sessions` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_sessions_checkout_code_unique` ON `payment_sessions` (`checkout_code`);--> statement-breakpoint
CREATE INDEX `payment_sessions_provider_idx` ON `payment_sessions` (`provider`,`provider_session_id`);--> statement-breakpoint
CREATE TABLE `shipping_rates` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer,
	`same_province_fee` integer NOT NULL,
	`other_province_fee` integer NOT NULL,
	`free_from` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shipping_rates_fee_ck" CHECK("shipping_rates"."same_province_fee" >= 0 and "shipping_rates"."other_province_fee" >= 0 and ("shipping_rates"."free_from" is null or "shipping_rates"."free_from" > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipping_rates_producer_uq` ON `shipping_rates` (coalesce("producer_id", 0));--> statement-breakpoint
CREATE INDEX `payments_open_idx` ON `payments` (`status`,`created_at`) WHERE status in ('pending', 'authorized') and method <> 'cod';--> statement-breakpoint
-- The default shipping fee (any producer without its own row): 20.000 ₫ within the seller's
-- province, 35.000 ₫ elsewhere, free from 500.000 ₫ of goods. Admins change it as data.
INSERT INTO `shipping_rates` (`producer_id`, `same_province_fee`, `other_province_fee`, `free_from`) VALUES (NULL, 20000, 35000, 500000);
