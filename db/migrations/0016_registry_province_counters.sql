-- (issue 9) Beside change_counters.registry, one counter per province ('registry:<province id>'),
-- moved by the same changes, so the registry cache reloads only the province that changed and
-- the national figures are the sum of the provinces' (app/indicators/registry-cache.server.ts).
CREATE TRIGGER `registry_province_counter_events_ai` AFTER INSERT ON `listing_events` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (SELECT p.province_id FROM listings l JOIN products p ON p.id = l.product_id WHERE l.id = NEW.listing_id), 0 WHERE (SELECT p.province_id FROM listings l JOIN products p ON p.id = l.product_id WHERE l.id = NEW.listing_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (SELECT p.province_id FROM listings l JOIN products p ON p.id = l.product_id WHERE l.id = NEW.listing_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_listings_ad` AFTER DELETE ON `listings` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (SELECT province_id FROM products WHERE id = OLD.product_id), 0 WHERE (SELECT province_id FROM products WHERE id = OLD.product_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (SELECT province_id FROM products WHERE id = OLD.product_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_certs_ai` AFTER INSERT ON `certifications` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (SELECT province_id FROM products WHERE id = NEW.product_id), 0 WHERE (SELECT province_id FROM products WHERE id = NEW.product_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (SELECT province_id FROM products WHERE id = NEW.product_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_certs_au` AFTER UPDATE ON `certifications` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (SELECT province_id FROM products WHERE id = NEW.product_id), 0 WHERE (SELECT province_id FROM products WHERE id = NEW.product_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (SELECT province_id FROM products WHERE id = NEW.product_id);
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (SELECT province_id FROM products WHERE id = OLD.product_id), 0 WHERE (SELECT province_id FROM products WHERE id = OLD.product_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (SELECT province_id FROM products WHERE id = OLD.product_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_certs_ad` AFTER DELETE ON `certifications` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (SELECT province_id FROM products WHERE id = OLD.product_id), 0 WHERE (SELECT province_id FROM products WHERE id = OLD.product_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (SELECT province_id FROM products WHERE id = OLD.product_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_products_ai` AFTER INSERT ON `products` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0 WHERE (NEW.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_products_au` AFTER UPDATE OF `name`, `slug`, `status`, `visible`, `ocop_group`, `producer_id`, `province_id`, `created_at` ON `products` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0 WHERE (NEW.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (OLD.province_id), 0 WHERE (OLD.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (OLD.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_products_ad` AFTER DELETE ON `products` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (OLD.province_id), 0 WHERE (OLD.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (OLD.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_producers_ai` AFTER INSERT ON `producers` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0 WHERE (NEW.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_producers_au` AFTER UPDATE OF `name`, `kind`, `phone`, `status`, `verified_at`, `province_id`, `commune_id`, `claims_producer_id` ON `producers` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0 WHERE (NEW.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (OLD.province_id), 0 WHERE (OLD.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (OLD.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_entries_ai` AFTER INSERT ON `ocop_registry_entries` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0 WHERE (NEW.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_entries_au` AFTER UPDATE ON `ocop_registry_entries` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (NEW.province_id), 0 WHERE (NEW.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (NEW.province_id);
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (OLD.province_id), 0 WHERE (OLD.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (OLD.province_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registry_province_counter_entries_ad` AFTER DELETE ON `ocop_registry_entries` BEGIN
  INSERT OR IGNORE INTO `change_counters` (`name`, `n`) SELECT 'registry:' || (OLD.province_id), 0 WHERE (OLD.province_id) IS NOT NULL;
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'registry:' || (OLD.province_id);
END;
