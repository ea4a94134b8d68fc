CREATE TABLE `sales_daily` (
	`day` text NOT NULL,
	`province_id` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`method` text NOT NULL,
	`pay_channel` text NOT NULL,
	`orders` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`day`, `province_id`, `channel`, `status`, `method`, `pay_channel`)
);
--> statement-breakpoint
CREATE INDEX `sales_daily_province_day_idx` ON `sales_daily` (`province_id`,`day`);