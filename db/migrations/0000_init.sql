CREATE TABLE `categories` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`ocop_group` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_slug_unique` ON `categories` (`slug`);--> statement-breakpoint
CREATE TABLE `certifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`kind` text NOT NULL,
	`stars` integer,
	`number` text NOT NULL,
	`issuer` text NOT NULL,
	`issued_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`issue_province_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issue_province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certifications_stars_ck" CHECK(("certifications"."kind" = 'ocop' and "certifications"."stars" between 3 and 5) or ("certifications"."kind" <> 'ocop' and "certifications"."stars" is null)),
	CONSTRAINT "certifications_dates_ck" CHECK("certifications"."expires_on" >= "certifications"."issued_on")
);
--> statement-breakpoint
CREATE INDEX `certifications_product_idx` ON `certifications` (`product_id`,`kind`,`expires_on`);--> statement-breakpoint
CREATE TABLE `communes` (
	`id` integer PRIMARY KEY NOT NULL,
	`province_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`former_province_id` integer,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`former_province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communes_province_name_uq` ON `communes` (`province_id`,`name`);--> statement-breakpoint
CREATE TABLE `listing_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`status` text NOT NULL,
	`detail` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `listing_events_listing_idx` ON `listing_events` (`listing_id`,`at`);--> statement-breakpoint
CREATE TABLE `listings` (
	`id` integer PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`marketplace_id` integer NOT NULL,
	`account_id` integer,
	`external_id` text,
	`external_url` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`last_error` text,
	`synced_price` integer,
	`synced_stock` integer,
	`live_since` text,
	`last_synced_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marketplace_id`) REFERENCES `marketplaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `marketplace_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `listings_product_marketplace_uq` ON `listings` (`product_id`,`marketplace_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `listings_external_uq` ON `listings` (`marketplace_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `listings_marketplace_status_idx` ON `listings` (`marketplace_id`,`status`);--> statement-breakpoint
CREATE INDEX `listings_status_product_idx` ON `listings` (`status`,`product_id`);--> statement-breakpoint
CREATE TABLE `marketplace_accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`marketplace_id` integer NOT NULL,
	`external_shop_id` text,
	`shop_name` text DEFAULT '' NOT NULL,
	`credentials_encrypted` text,
	`token_expires_at` text,
	`status` text DEFAULT 'connected' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marketplace_id`) REFERENCES `marketplaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marketplace_accounts_uq` ON `marketplace_accounts` (`producer_id`,`marketplace_id`);--> statement-breakpoint
CREATE TABLE `marketplaces` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`has_api` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marketplaces_code_unique` ON `marketplaces` (`code`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`product_name` text NOT NULL,
	`unit_price` integer NOT NULL,
	`quantity` integer NOT NULL,
	`line_total` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_items_qty_ck" CHECK("order_items"."quantity" > 0 and "order_items"."line_total" = "order_items"."unit_price" * "order_items"."quantity")
);
--> statement-breakpoint
CREATE INDEX `order_items_order_idx` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_items_product_idx` ON `order_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`checkout_code` text,
	`producer_id` integer NOT NULL,
	`province_id` integer NOT NULL,
	`channel` text NOT NULL,
	`external_id` text,
	`buyer_user_id` integer,
	`buyer_name` text NOT NULL,
	`buyer_phone` text NOT NULL,
	`buyer_email` text DEFAULT '' NOT NULL,
	`ship_province_id` integer,
	`ship_commune` text DEFAULT '' NOT NULL,
	`ship_street` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`subtotal` integer NOT NULL,
	`shipping_fee` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`status` text NOT NULL,
	`placed_at` text NOT NULL,
	`placed_day` text NOT NULL,
	`completed_at` text,
	`cancelled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ship_province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_total_ck" CHECK("orders"."total" = "orders"."subtotal" + "orders"."shipping_fee" and "orders"."total" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_code_unique` ON `orders` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_external_uq` ON `orders` (`channel`,`external_id`);--> statement-breakpoint
CREATE INDEX `orders_producer_idx` ON `orders` (`producer_id`,`placed_at`);--> statement-breakpoint
CREATE INDEX `orders_province_day_idx` ON `orders` (`province_id`,`placed_day`);--> statement-breakpoint
CREATE INDEX `orders_buyer_idx` ON `orders` (`buyer_user_id`,`placed_at`);--> statement-breakpoint
CREATE INDEX `orders_checkout_idx` ON `orders` (`checkout_code`);--> statement-breakpoint
CREATE TABLE `payment_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`payment_id` integer,
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`status` text,
	`payload` text DEFAULT '{}' NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_events_provider_event_uq` ON `payment_events` (`provider`,`event_id`);--> statement-breakpoint
CREATE INDEX `payment_events_payment_idx` ON `payment_events` (`payment_id`);--> statement-breakpoint
CREATE TABLE `payment_methods` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`channel` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`method` text NOT NULL,
	`channel` text NOT NULL,
	`provider` text NOT NULL,
	`provider_ref` text,
	`amount` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`paid_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`method`) REFERENCES `payment_methods`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_ck" CHECK("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `payments_order_idx` ON `payments` (`order_id`);--> statement-breakpoint
CREATE INDEX `payments_provider_ref_idx` ON `payments` (`provider`,`provider_ref`);--> statement-breakpoint
CREATE TABLE `producers` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`tax_code` text,
	`province_id` integer NOT NULL,
	`commune_id` integer,
	`address` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`bank_bin` text,
	`bank_account_number` text,
	`bank_account_name` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`verified_at` text,
	`verified_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "producers_bin_ck" CHECK("producers"."bank_bin" is null or (length("producers"."bank_bin") = 6))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `producers_slug_unique` ON `producers` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `producers_tax_code_unique` ON `producers` (`tax_code`);--> statement-breakpoint
CREATE INDEX `producers_province_idx` ON `producers` (`province_id`,`status`);--> statement-breakpoint
CREATE INDEX `producers_commune_idx` ON `producers` (`commune_id`);--> statement-breakpoint
CREATE TABLE `product_images` (
	`id` integer PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`storage_key` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`widths` text NOT NULL,
	`avif_ready` integer DEFAULT false NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_images_product_idx` ON `product_images` (`product_id`,`position`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`ocop_group` text NOT NULL,
	`category_id` integer,
	`unit` text NOT NULL,
	`weight_grams` integer,
	`price` integer NOT NULL,
	`stock` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`visible` integer DEFAULT false NOT NULL,
	`province_id` integer,
	`ocop3_valid_until` text,
	`ocop4_valid_until` text,
	`ocop5_valid_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "products_price_ck" CHECK("products"."price" >= 0),
	CONSTRAINT "products_stock_ck" CHECK("products"."stock" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_producer_idx` ON `products` (`producer_id`,`status`);--> statement-breakpoint
CREATE INDEX `products_visible_created_idx` ON `products` (`visible`,`created_at`);--> statement-breakpoint
CREATE INDEX `products_visible_price_idx` ON `products` (`visible`,`price`);--> statement-breakpoint
CREATE INDEX `products_visible_province_idx` ON `products` (`visible`,`province_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `products_visible_group_idx` ON `products` (`visible`,`ocop_group`,`created_at`);--> statement-breakpoint
CREATE INDEX `products_visible_ocop3_idx` ON `products` (`visible`,`ocop3_valid_until`);--> statement-breakpoint
CREATE INDEX `products_visible_ocop4_idx` ON `products` (`visible`,`ocop4_valid_until`);--> statement-breakpoint
CREATE INDEX `products_visible_ocop5_idx` ON `products` (`visible`,`ocop5_valid_until`);--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category_id`);--> statement-breakpoint
CREATE TABLE `province_targets` (
	`id` integer PRIMARY KEY NOT NULL,
	`province_id` integer NOT NULL,
	`indicator` text NOT NULL,
	`year` integer NOT NULL,
	`target_bp` integer NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "province_targets_bp_ck" CHECK("province_targets"."target_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `province_targets_uq` ON `province_targets` (`province_id`,`indicator`,`year`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`is_current` integer NOT NULL,
	`successor_id` integer,
	FOREIGN KEY (`successor_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provinces_slug_unique` ON `provinces` (`slug`);--> statement-breakpoint
CREATE INDEX `provinces_successor_idx` ON `provinces` (`successor_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	`province_id` integer,
	`producer_id` integer,
	`locale` text DEFAULT 'vi' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_email_lower_ck" CHECK("users"."email" = lower("users"."email")),
	CONSTRAINT "users_scope_ck" CHECK(("users"."role" <> 'official' or "users"."province_id" is not null)
        and ("users"."role" <> 'producer' or "users"."producer_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_producer_idx` ON `users` (`producer_id`);