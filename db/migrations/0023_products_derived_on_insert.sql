-- (issue 11) A product inserted with its derived columns already right (province_id, visible: the
-- bulk import computes them in its INSERT) is not updated again after its insert. That UPDATE fired
-- the counter and search-index triggers a second time for every row and held the event loop through
-- a 20,000-row import. Any other insert (no province_id, or a wrong one) is derived as before.
DROP TRIGGER `products_derive_ai`;
--> statement-breakpoint
CREATE TRIGGER `products_derive_ai` AFTER INSERT ON `products`
WHEN new.province_id IS NOT (SELECT `province_id` FROM `producers` WHERE `id` = new.producer_id)
  OR new.visible IS NOT (new.status = 'active' AND (SELECT `status` FROM `producers` WHERE `id` = new.producer_id) = 'verified')
BEGIN
  UPDATE `products` SET
    `province_id` = (SELECT `province_id` FROM `producers` WHERE `id` = new.producer_id),
    `visible` = (new.status = 'active' AND (SELECT `status` FROM `producers` WHERE `id` = new.producer_id) = 'verified')
  WHERE `id` = new.id;
END;
--> statement-breakpoint
-- The search index of a product inserted visible: until now only products_fts_au (fired by the
-- derive UPDATE above) wrote it. It reads the stored row, so it is right in whichever order it and
-- products_derive_ai run.
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products` WHEN new.visible = 1 BEGIN
  DELETE FROM `products_fts` WHERE rowid = new.id;
  INSERT INTO `products_fts` (rowid, `name`, `description`, `producer`)
  SELECT
    pr.id,
    replace(replace(pr.name, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(pr.description, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(p.name, 'đ', 'd'), 'Đ', 'D')
  FROM `products` pr JOIN `producers` p ON p.id = pr.producer_id WHERE pr.id = new.id AND pr.visible = 1;
END;
--> statement-breakpoint
-- Likewise the OCOP columns: an OCOP certificate inserted for a product whose columns already say
-- what it implies (the import sets them when it creates a product with its certificates) leaves
-- the product alone; the certificate's own counter triggers still move the catalogue's version.
DROP TRIGGER `certifications_derive_ai`;
--> statement-breakpoint
CREATE TRIGGER `certifications_derive_ai` AFTER INSERT ON `certifications`
WHEN new.kind = 'ocop' AND EXISTS (SELECT 1 FROM `products` p WHERE p.`id` = new.product_id AND (
  p.`ocop3_valid_until` IS NOT (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 3 AND `review` IS NULL)
  OR p.`ocop4_valid_until` IS NOT (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 4 AND `review` IS NULL)
  OR p.`ocop5_valid_until` IS NOT (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 5 AND `review` IS NULL)))
BEGIN
  UPDATE `products` SET
    `ocop3_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 3 AND `review` IS NULL),
    `ocop4_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 4 AND `review` IS NULL),
    `ocop5_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 5 AND `review` IS NULL)
  WHERE `id` = new.product_id;
END;
