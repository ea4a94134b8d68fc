-- (issue 3) Price and stock history, and default product codes, kept by triggers so every
-- writer (the seller centre, the bulk import, orders, the marketplace sync, the seed) gets them.
--
-- product_history: one row when a product is created (dated with its created_at) and one
-- whenever its price or stock changes (dated now).
CREATE TRIGGER `product_history_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO `product_history` (`product_id`, `price`, `stock`, `at`) VALUES (new.id, new.price, new.stock, new.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `product_history_au` AFTER UPDATE OF `price`, `stock` ON `products`
WHEN old.price IS NOT new.price OR old.stock IS NOT new.stock BEGIN
  INSERT INTO `product_history` (`product_id`, `price`, `stock`) VALUES (new.id, new.price, new.stock);
END;
--> statement-breakpoint
INSERT INTO `product_history` (`product_id`, `price`, `stock`, `at`) SELECT `id`, `price`, `stock`, `created_at` FROM `products`;
--> statement-breakpoint
-- products.sku: "SP-{id}" when a product is inserted without a code (the import refuses codes
-- starting with "SP-" that it did not issue, so the two cannot collide).
CREATE TRIGGER `products_sku_ai` AFTER INSERT ON `products` WHEN new.sku IS NULL BEGIN
  UPDATE `products` SET `sku` = 'SP-' || new.id WHERE `id` = new.id;
END;
--> statement-breakpoint
UPDATE `products` SET `sku` = 'SP-' || `id` WHERE `sku` IS NULL;
