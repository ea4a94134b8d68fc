ALTER TABLE `ocop_registry_entries` ADD `effective_from` text DEFAULT '1970-01-01' NOT NULL;--> statement-breakpoint
-- Entries imported before effective dates existed count from their decision date.
UPDATE `ocop_registry_entries` SET `effective_from` = `issued_on`;
--> statement-breakpoint
-- The registry indicators read the council's registry entries and a sign-up's claim: a change to
-- either bumps the counter that keeps cached registry figures honest.
CREATE TRIGGER `registry_counter_entries_ai` AFTER INSERT ON `ocop_registry_entries` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_entries_au` AFTER UPDATE ON `ocop_registry_entries` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_entries_ad` AFTER DELETE ON `ocop_registry_entries` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_producers_claims_au` AFTER UPDATE OF `claims_producer_id` ON `producers` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
