CREATE TABLE `listing_sync` (
	`listing_id` integer PRIMARY KEY NOT NULL,
	`seller_sku` text NOT NULL,
	`create_sent_at` text,
	`content_hash` text,
	`review_ref` text,
	`external_sku_id` text,
	`error_code` text,
	`error_detail` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `marketplace_category_map` (
	`id` integer PRIMARY KEY NOT NULL,
	`marketplace_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`external_category_id` text NOT NULL,
	`external_category_name` text DEFAULT '' NOT NULL,
	`attributes` text DEFAULT '{}' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`marketplace_id`) REFERENCES `marketplaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marketplace_category_map_uq` ON `marketplace_category_map` (`marketplace_id`,`category_id`);--> statement-breakpoint
CREATE TABLE `marketplace_connect_states` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`marketplace_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marketplace_id`) REFERENCES `marketplaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `marketplace_order_cursors` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`imported_until` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `marketplace_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `marketplace_settings` (
	`marketplace_id` integer PRIMARY KEY NOT NULL,
	`calls_per_second` integer NOT NULL,
	`max_in_flight` integer NOT NULL,
	`order_import_minutes` integer DEFAULT 10 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`marketplace_id`) REFERENCES `marketplaces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "marketplace_settings_ck" CHECK("marketplace_settings"."calls_per_second" > 0 and "marketplace_settings"."max_in_flight" > 0 and "marketplace_settings"."order_import_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE `sync_batch_items` (
	`batch_id` integer NOT NULL,
	`listing_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `sync_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_batch_items_uq` ON `sync_batch_items` (`batch_id`,`listing_id`);--> statement-breakpoint
CREATE TABLE `sync_batches` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_batches_producer_idx` ON `sync_batches` (`producer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sync_jobs` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`marketplace_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`product_id` integer,
	`idempotency_key` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`dirty` integer DEFAULT false NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`available_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`lease_id` text,
	`lease_expires_at` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`marketplace_id`) REFERENCES `marketplaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `marketplace_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sync_jobs_attempts_ck" CHECK("sync_jobs"."attempts" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_jobs_key_uq` ON `sync_jobs` (`marketplace_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sync_jobs_ready_idx` ON `sync_jobs` (`status`,`available_at`);--> statement-breakpoint
CREATE INDEX `sync_jobs_lease_idx` ON `sync_jobs` (`status`,`lease_expires_at`);--> statement-breakpoint
CREATE INDEX `sync_jobs_account_idx` ON `sync_jobs` (`account_id`,`status`);--> statement-breakpoint
CREATE INDEX `sync_jobs_product_idx` ON `sync_jobs` (`product_id`);