CREATE TABLE `ocop_registry_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`province_id` integer NOT NULL,
	`import_id` integer,
	`tax_code` text NOT NULL,
	`producer_name` text NOT NULL,
	`product_name` text NOT NULL,
	`product_key` text NOT NULL,
	`stars` integer NOT NULL,
	`decision_number` text NOT NULL,
	`issued_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`producer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `product_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ocop_registry_stars_ck" CHECK("ocop_registry_entries"."stars" between 3 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ocop_registry_entry_uq` ON `ocop_registry_entries` (`province_id`,`tax_code`,`product_key`,`decision_number`);--> statement-breakpoint
CREATE INDEX `ocop_registry_product_idx` ON `ocop_registry_entries` (`product_id`);--> statement-breakpoint
CREATE INDEX `ocop_registry_producer_idx` ON `ocop_registry_entries` (`producer_id`);--> statement-breakpoint
CREATE TABLE `producer_invitations` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` integer NOT NULL,
	`expires_at` text NOT NULL,
	`accepted_at` text,
	`accepted_user_id` integer,
	`revoked_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `producer_invitations_token_hash_unique` ON `producer_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `producer_invitations_producer_idx` ON `producer_invitations` (`producer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `product_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`price` integer NOT NULL,
	`stock` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_history_product_idx` ON `product_history` (`product_id`,`at`);--> statement-breakpoint
CREATE TABLE `product_imports` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`producer_id` integer,
	`province_id` integer,
	`user_id` integer NOT NULL,
	`filename` text NOT NULL,
	`format` text NOT NULL,
	`file` blob NOT NULL,
	`row_count` integer NOT NULL,
	`bad_row_count` integer NOT NULL,
	`report` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`mode` text,
	`imported_rows` integer,
	`created_products` integer,
	`updated_products` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "product_imports_scope_ck" CHECK(("product_imports"."kind" = 'products' and "product_imports"."producer_id" is not null) or ("product_imports"."kind" = 'registry' and "product_imports"."province_id" is not null))
);
--> statement-breakpoint
CREATE INDEX `product_imports_producer_idx` ON `product_imports` (`producer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `product_imports_province_idx` ON `product_imports` (`province_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `producers` ADD `claims_producer_id` integer REFERENCES producers(id);--> statement-breakpoint
ALTER TABLE `products` ADD `sku` text;--> statement-breakpoint
CREATE UNIQUE INDEX `products_producer_sku_uq` ON `products` (`producer_id`,`sku`);