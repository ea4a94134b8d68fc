CREATE TABLE `indicator_registry_figures` (
	`province_id` integer NOT NULL,
	`day` text NOT NULL,
	`version` integer NOT NULL,
	`computed_at` text NOT NULL,
	`counts` text NOT NULL,
	`figures` text,
	PRIMARY KEY(`province_id`, `day`),
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
