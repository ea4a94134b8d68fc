-- Derived catalogue columns and full-text search, kept by triggers so no code path can forget them.
--
-- products.visible / products.province_id: a product is public when it is active and its producer
-- is verified; the list, its counts and the search index read this one column.
CREATE TRIGGER `products_derive_ai` AFTER INSERT ON `products` BEGIN
  UPDATE `products` SET
    `province_id` = (SELECT `province_id` FROM `producers` WHERE `id` = new.producer_id),
    `visible` = (new.status = 'active' AND (SELECT `status` FROM `producers` WHERE `id` = new.producer_id) = 'verified')
  WHERE `id` = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_derive_au` AFTER UPDATE OF `status`, `producer_id` ON `products` BEGIN
  UPDATE `products` SET
    `province_id` = (SELECT `province_id` FROM `producers` WHERE `id` = new.producer_id),
    `visible` = (new.status = 'active' AND (SELECT `status` FROM `producers` WHERE `id` = new.producer_id) = 'verified')
  WHERE `id` = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `producers_derive_au` AFTER UPDATE OF `status`, `province_id` ON `producers` BEGIN
  UPDATE `products` SET
    `province_id` = new.province_id,
    `visible` = (`status` = 'active' AND new.status = 'verified')
  WHERE `producer_id` = new.id;
END;
--> statement-breakpoint
-- products.ocopN_valid_until: the last day an OCOP certificate of at least N stars is valid. A
-- product "is OCOP N★ today" when ocopN_valid_until >= today: exact, and indexable.
CREATE TRIGGER `certifications_derive_ai` AFTER INSERT ON `certifications` WHEN new.kind = 'ocop' BEGIN
  UPDATE `products` SET
    `ocop3_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 3),
    `ocop4_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 4),
    `ocop5_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = new.product_id AND `kind` = 'ocop' AND `stars` >= 5)
  WHERE `id` = new.product_id;
END;
--> statement-breakpoint
CREATE TRIGGER `certifications_derive_au` AFTER UPDATE ON `certifications` BEGIN
  UPDATE `products` SET
    `ocop3_valid_until` = (SELECT max(`expires_on`) FROM `certifications` c WHERE c.`product_id` = `products`.`id` AND c.`kind` = 'ocop' AND c.`stars` >= 3),
    `ocop4_valid_until` = (SELECT max(`expires_on`) FROM `certifications` c WHERE c.`product_id` = `products`.`id` AND c.`kind` = 'ocop' AND c.`stars` >= 4),
    `ocop5_valid_until` = (SELECT max(`expires_on`) FROM `certifications` c WHERE c.`product_id` = `products`.`id` AND c.`kind` = 'ocop' AND c.`stars` >= 5)
  WHERE `id` IN (old.product_id, new.product_id);
END;
--> statement-breakpoint
CREATE TRIGGER `certifications_derive_ad` AFTER DELETE ON `certifications` WHEN old.kind = 'ocop' BEGIN
  UPDATE `products` SET
    `ocop3_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = old.product_id AND `kind` = 'ocop' AND `stars` >= 3),
    `ocop4_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = old.product_id AND `kind` = 'ocop' AND `stars` >= 4),
    `ocop5_valid_until` = (SELECT max(`expires_on`) FROM `certifications` WHERE `product_id` = old.product_id AND `kind` = 'ocop' AND `stars` >= 5)
  WHERE `id` = old.product_id;
END;
--> statement-breakpoint
-- Full-text search over the public catalogue only (visible products), so a search counts and ranks
-- inside the index. unicode61 with remove_diacritics 2 folds the Vietnamese tone marks ("nuoc mam"
-- matches "Nước mắm") but not "đ", which is its own letter: the triggers fold đ/Đ to d/D in the
-- indexed text, and app/catalog/search-query.ts folds the query the same way. Columns weigh
-- 10 (name), 1 (description) and 4 (producer) in the ranking.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
  `name`, `description`, `producer`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `products_fts` (`products_fts`, `rank`) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');
--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF `visible`, `name`, `description` ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.id;
  INSERT INTO `products_fts` (rowid, `name`, `description`, `producer`)
  SELECT
    new.id,
    replace(replace(new.name, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(p.name, 'đ', 'd'), 'Đ', 'D')
  FROM `producers` p WHERE p.id = new.producer_id AND new.visible = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `producers_fts_au` AFTER UPDATE OF `name` ON `producers` BEGIN
  UPDATE `products_fts` SET `producer` = replace(replace(new.name, 'đ', 'd'), 'Đ', 'D')
  WHERE rowid IN (SELECT `id` FROM `products` WHERE `producer_id` = new.id);
END;
