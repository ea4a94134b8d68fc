CREATE TABLE `change_counters` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `products_registry_idx` ON `products` (`province_id`,`status`,`visible`,`ocop_group`,`created_at`,`producer_id`);