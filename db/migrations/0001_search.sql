-- Full-text search over the catalogue. unicode61 with remove_diacritics 2 folds the
-- Vietnamese tone marks ("nuoc mam" matches "Nước mắm") but not "đ", which is its own
-- letter: the triggers fold đ/Đ to d/D in the indexed text, and app/catalog/search-query.ts
-- folds the query the same way.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
  `name`, `description`, `producer`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO `products_fts` (rowid, `name`, `description`, `producer`)
  VALUES (
    new.id,
    replace(replace(new.name, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'),
    (SELECT replace(replace(p.name, 'đ', 'd'), 'Đ', 'D') FROM producers p WHERE p.id = new.producer_id)
  );
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF `name`, `description`, `producer_id` ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.id;
  INSERT INTO `products_fts` (rowid, `name`, `description`, `producer`)
  VALUES (
    new.id,
    replace(replace(new.name, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'),
    (SELECT replace(replace(p.name, 'đ', 'd'), 'Đ', 'D') FROM producers p WHERE p.id = new.producer_id)
  );
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `producers_fts_au` AFTER UPDATE OF `name` ON `producers` BEGIN
  UPDATE `products_fts` SET `producer` = replace(replace(new.name, 'đ', 'd'), 'Đ', 'D')
  WHERE rowid IN (SELECT id FROM products WHERE producer_id = new.id);
END;
