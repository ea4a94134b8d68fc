CREATE TABLE `ocop_registry_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`import_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`change` text NOT NULL,
	`effective_from` text NOT NULL,
	`before` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `product_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `ocop_registry_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ocop_registry_changes_import_idx` ON `ocop_registry_changes` (`import_id`);--> statement-breakpoint
CREATE INDEX `ocop_registry_changes_entry_idx` ON `ocop_registry_changes` (`entry_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `ocop_registry_versions` (
	`import_id` integer PRIMARY KEY NOT NULL,
	`province_id` integer NOT NULL,
	`effective_from` text NOT NULL,
	`added` integer NOT NULL,
	`changed` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `product_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ocop_registry_versions_province_idx` ON `ocop_registry_versions` (`province_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `province_report_settings` (
	`province_id` integer PRIMARY KEY NOT NULL,
	`office` text NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `certifications` ADD `review` text;--> statement-breakpoint
ALTER TABLE `certifications` ADD `review_note` text;--> statement-breakpoint
ALTER TABLE `certifications` ADD `reviewed_at` text;--> statement-breakpoint
ALTER TABLE `certifications` ADD `reviewed_by` integer REFERENCES users(id);--> statement-breakpoint
-- A reviewed OCOP certificate (an official rejected the claim, or a registry decision superseded
-- it) gives the product no stars: the OCOP columns count unreviewed certificates only.
DROP TRIGGER `certifications_derive_ai`;--> statement-breakpoint
DROP TRIGGER `certifications_derive_au`;--> statement-breakpoint
DROP TRIGGER `certifications_derive_ad`;--> statement-breakpoint
CREATE TRIGGER `certifications_derive_ai` AFTER INSERT ON `certifications` WHEN new.kind = 'ocop' BEGIN
  UPDATE `products` SET
    `ocop3_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 3 AND `review` IS NULL),
    `ocop4_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 4 AND `review` IS NULL),
    `ocop5_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 5 AND `review` IS NULL)
  WHERE `id` = new.product_id;
END;
--> statement-breakpoint
CREATE TRIGGER `certifications_derive_au` AFTER UPDATE ON `certifications` BEGIN
  UPDATE `products` SET
    `ocop3_valid_until` = (SELECT max(`expires_on`) FROM `certifications` c WHERE c.`product_id` = `products`.`id` AND c.`kind` = 'ocop' AND c.`stars` >= 3 AND c.`review` IS NULL),
    `ocop4_valid_until` = (SELECT max(`expires_on`) FROM `certifications` c WHERE c.`product_id` = `products`.`id` AND c.`kind` = 'ocop' AND c.`stars` >= 4 AND c.`review` IS NULL),
    `ocop5_valid_until` = (SELECT max(`expires_on`) FROM `certifications` c WHERE c.`product_id` = `products`.`id` AND c.`kind` = 'ocop' AND c.`stars` >= 5 AND c.`review` IS NULL)
  WHERE `id` IN (old.product_id, new.product_id);
END;
--> statement-breakpoint
CREATE TRIGGER `certifications_derive_ad` AFTER DELETE ON `certifications` WHEN old.kind = 'ocop' BEGIN
  UPDATE `products` SET
    `ocop3_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = old.product_id AND `kind` = 'ocop' AND `stars` >= 3 AND `review` IS NULL),
    `ocop4_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = old.product_id AND `kind` = 'ocop' AND `stars` >= 4 AND `review` IS NULL),
    `ocop5_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = old.product_id AND `kind` = 'ocop' AND `stars` >= 5 AND `review` IS NULL)
  WHERE `id` = old.product_id;
END;
--> statement-breakpoint
-- The storefront's star badge says "chờ đối chiếu" while no registry entry backs a product's OCOP
-- claim: a registry entry's change can move a badge, so it moves the catalogue's version too.
CREATE TRIGGER `catalogue_counter_registry_entries_ai` AFTER INSERT ON `ocop_registry_entries` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_registry_entries_au` AFTER UPDATE ON `ocop_registry_entries` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_registry_entries_ad` AFTER DELETE ON `ocop_registry_entries` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
-- A registry import writes its entries with an UPSERT, whose conflict handling overrides the
-- triggers' "INSERT OR IGNORE" (SQLite applies the outer statement's): re-importing an entry
-- failed on the province counter's row. These create the row only when it is missing.
DROP TRIGGER `registry_province_counter_entries_ai`;--> statement-breakpoint
DROP TRIGGER `registry_province_counter_entries_au`;--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_entries_ai` AFTER INSERT ON `ocop_registry_entries` BEGIN
  INSERT INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0
    WHERE NOT EXISTS (SELECT 1 FROM `change_counters` WHERE `name` = 'registry:' || (NEW.province_id));
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_entries_au` AFTER UPDATE ON `ocop_registry_entries` BEGIN
  INSERT INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0
    WHERE NOT EXISTS (SELECT 1 FROM `change_counters` WHERE `name` = 'registry:' || (NEW.province_id));
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
  INSERT INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (OLD.province_id), 0
    WHERE NOT EXISTS (SELECT 1 FROM `change_counters` WHERE `name` = 'registry:' || (OLD.province_id));
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (OLD.province_id);
END;
