CREATE TABLE `shipping_addresses` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`province_id` integer NOT NULL,
	`commune` text NOT NULL,
	`street` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`last_used_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shipping_addresses_len_ck" CHECK(length("shipping_addresses"."name") <= 100 and length("shipping_addresses"."commune") <= 100 and length("shipping_addresses"."street") <= 200 and length("shipping_addresses"."phone") <= 20)
);
--> statement-breakpoint
CREATE INDEX `shipping_addresses_user_idx` ON `shipping_addresses` (`user_id`,`last_used_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipping_addresses_default_uq` ON `shipping_addresses` (`user_id`) WHERE "shipping_addresses"."is_default" = 1;--> statement-breakpoint
-- The guest's address on the cart: added columns, not drizzle's table rebuild (which would drop the carts
-- under their items). The schema's table CHECK "carts_ship_ck" is these two column CHECKs.
ALTER TABLE `carts` ADD `ship_province_id` integer REFERENCES `provinces`(`id`);--> statement-breakpoint
ALTER TABLE `carts` ADD `ship_commune` text CHECK(length(`ship_commune`) <= 100);--> statement-breakpoint
ALTER TABLE `carts` ADD `ship_street` text CHECK(length(`ship_street`) <= 200);
