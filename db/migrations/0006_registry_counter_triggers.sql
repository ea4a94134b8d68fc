-- change_counters.registry moves whenever anything the listing and onboarding indicators read
-- changes, so computed registry figures can be cached in memory and checked with one read.
INSERT INTO `change_counters` (`name`, `n`) VALUES ('registry', 0);
--> statement-breakpoint
CREATE TRIGGER `registry_counter_events_ai` AFTER INSERT ON `listing_events` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_listings_ad` AFTER DELETE ON `listings` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_certs_ai` AFTER INSERT ON `certifications` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_certs_au` AFTER UPDATE ON `certifications` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_certs_ad` AFTER DELETE ON `certifications` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_products_ai` AFTER INSERT ON `products` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_products_au` AFTER UPDATE OF `name`, `slug`, `status`, `visible`, `ocop_group`, `producer_id`, `province_id`, `created_at` ON `products` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_products_ad` AFTER DELETE ON `products` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_producers_ai` AFTER INSERT ON `producers` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
--> statement-breakpoint
CREATE TRIGGER `registry_counter_producers_au` AFTER UPDATE OF `name`, `kind`, `phone`, `status`, `verified_at`, `province_id`, `commune_id` ON `producers` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry';
END;
