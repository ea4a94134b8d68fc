-- change_counters.catalogue moves with every change a shopper could see on a catalogue page (a
-- product's price, stock, text or visibility, its photos and certificates, its producer, a category
-- or province name), so rendered pages can be cached and validated (ETag) with one read.
INSERT INTO `change_counters` (`name`, `n`) VALUES ('catalogue', 0) ON CONFLICT (`name`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_products_ai` AFTER INSERT ON `products` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_products_au` AFTER UPDATE ON `products` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_products_ad` AFTER DELETE ON `products` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_certifications_ai` AFTER INSERT ON `certifications` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_certifications_au` AFTER UPDATE ON `certifications` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_certifications_ad` AFTER DELETE ON `certifications` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_product_images_ai` AFTER INSERT ON `product_images` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_product_images_au` AFTER UPDATE ON `product_images` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_product_images_ad` AFTER DELETE ON `product_images` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_producers_ai` AFTER INSERT ON `producers` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_producers_au` AFTER UPDATE ON `producers` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_producers_ad` AFTER DELETE ON `producers` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_categories_ai` AFTER INSERT ON `categories` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_categories_au` AFTER UPDATE ON `categories` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_categories_ad` AFTER DELETE ON `categories` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_provinces_ai` AFTER INSERT ON `provinces` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_provinces_au` AFTER UPDATE ON `provinces` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_counter_provinces_ad` AFTER DELETE ON `provinces` BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'catalogue';
END;
