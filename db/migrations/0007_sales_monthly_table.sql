CREATE TABLE `sales_monthly` (
	`month` text NOT NULL,
	`province_id` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`method` text NOT NULL,
	`pay_channel` text NOT NULL,
	`orders` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`month`, `province_id`, `channel`, `status`, `method`, `pay_channel`)
);
--> statement-breakpoint
CREATE INDEX `sales_monthly_province_idx` ON `sales_monthly` (`province_id`,`month`);