CREATE TABLE `bank_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_id` text NOT NULL,
	`producer_id` integer NOT NULL,
	`provider` text DEFAULT 'sepay' NOT NULL,
	`account_numbers` text NOT NULL,
	`auth_mode` text NOT NULL,
	`secret_enc` text NOT NULL,
	`secret_hint` text NOT NULL,
	`api_token_enc` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`last_notification_at` text,
	`last_test_at` text,
	`last_reconciled_at` text,
	`last_error` text,
	`last_error_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_links_public_id_unique` ON `bank_links` (`public_id`);--> statement-breakpoint
CREATE INDEX `bank_links_producer_idx` ON `bank_links` (`producer_id`);--> statement-breakpoint
CREATE TABLE `bank_transfers` (
	`id` integer PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`transfer_id` text NOT NULL,
	`reference` text,
	`link_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`account_number` text NOT NULL,
	`amount` integer NOT NULL,
	`memo` text NOT NULL,
	`code` text,
	`transferred_at` text NOT NULL,
	`via` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`order_id` integer,
	`resolved_at` text,
	`resolved_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `bank_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_transfers_amount_ck" CHECK("bank_transfers"."amount" > 0),
	CONSTRAINT "bank_transfers_reason_ck" CHECK(("bank_transfers"."outcome" = 'review') = ("bank_transfers"."reason" is not null) or "bank_transfers"."outcome" in ('matched', 'dismissed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_transfers_provider_transfer_uq` ON `bank_transfers` (`provider`,`transfer_id`);--> statement-breakpoint
CREATE INDEX `bank_transfers_reference_idx` ON `bank_transfers` (`provider`,`account_number`,`reference`);--> statement-breakpoint
CREATE INDEX `bank_transfers_review_idx` ON `bank_transfers` (`producer_id`,`outcome`,`transferred_at`);