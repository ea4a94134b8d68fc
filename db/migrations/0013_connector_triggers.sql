-- Every change to what a marketplace shows (price, stock, name, description, weight, category,
-- status, photos) enqueues one sync job per listing of that product on a marketplace with an API,
-- in the same transaction as the change, whatever code made it (the seller centre, checkout
-- decrementing stock, an imported marketplace order, an admin's SQL). The idempotency key
-- "listing:{product}" is unique per marketplace, so a burst of edits is one job that reads the
-- latest state when it runs; a job that is running when an edit lands is marked dirty and runs
-- again when it ends. Delisted listings and file-only marketplaces (Postmart, Voso) are skipped.
CREATE TRIGGER `products_sync_au` AFTER UPDATE OF `price`, `stock`, `name`, `description`, `status`, `weight_grams`, `category_id` ON `products`
WHEN old.price IS NOT new.price OR old.stock IS NOT new.stock OR old.name IS NOT new.name
  OR old.description IS NOT new.description OR old.status IS NOT new.status
  OR old.weight_grams IS NOT new.weight_grams OR old.category_id IS NOT new.category_id
BEGIN
  INSERT INTO `sync_jobs` (`kind`, `marketplace_id`, `account_id`, `product_id`, `idempotency_key`, `payload`, `status`, `available_at`, `updated_at`)
  SELECT 'listing', l.marketplace_id, a.id, l.product_id, 'listing:' || l.product_id, json_object('productId', l.product_id), 'queued',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `listings` l
  JOIN `marketplaces` m ON m.id = l.marketplace_id AND m.has_api = 1
  JOIN `marketplace_accounts` a ON a.producer_id = new.producer_id AND a.marketplace_id = l.marketplace_id
  WHERE l.product_id = new.id AND l.status <> 'delisted'
  ON CONFLICT (`marketplace_id`, `idempotency_key`) DO UPDATE SET
    `dirty` = CASE WHEN `status` = 'running' THEN 1 ELSE `dirty` END,
    `available_at` = CASE WHEN `status` IN ('done', 'dead') THEN excluded.available_at ELSE `available_at` END,
    `attempts` = CASE WHEN `status` IN ('done', 'dead') THEN 0 ELSE `attempts` END,
    `status` = CASE WHEN `status` = 'running' THEN 'running' ELSE 'queued' END,
    `account_id` = excluded.account_id,
    `updated_at` = excluded.updated_at;
END;
--> statement-breakpoint
CREATE TRIGGER `product_images_sync_ai` AFTER INSERT ON `product_images` BEGIN
  INSERT INTO `sync_jobs` (`kind`, `marketplace_id`, `account_id`, `product_id`, `idempotency_key`, `payload`, `status`, `available_at`, `updated_at`)
  SELECT 'listing', l.marketplace_id, a.id, l.product_id, 'listing:' || l.product_id, json_object('productId', l.product_id), 'queued',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `listings` l
  JOIN `products` p ON p.id = l.product_id
  JOIN `marketplaces` m ON m.id = l.marketplace_id AND m.has_api = 1
  JOIN `marketplace_accounts` a ON a.producer_id = p.producer_id AND a.marketplace_id = l.marketplace_id
  WHERE l.product_id = new.product_id AND l.status <> 'delisted'
  ON CONFLICT (`marketplace_id`, `idempotency_key`) DO UPDATE SET
    `dirty` = CASE WHEN `status` = 'running' THEN 1 ELSE `dirty` END,
    `available_at` = CASE WHEN `status` IN ('done', 'dead') THEN excluded.available_at ELSE `available_at` END,
    `attempts` = CASE WHEN `status` IN ('done', 'dead') THEN 0 ELSE `attempts` END,
    `status` = CASE WHEN `status` = 'running' THEN 'running' ELSE 'queued' END,
    `account_id` = excluded.account_id,
    `updated_at` = excluded.updated_at;
END;
--> statement-breakpoint
CREATE TRIGGER `product_images_sync_ad` AFTER DELETE ON `product_images` BEGIN
  INSERT INTO `sync_jobs` (`kind`, `marketplace_id`, `account_id`, `product_id`, `idempotency_key`, `payload`, `status`, `available_at`, `updated_at`)
  SELECT 'listing', l.marketplace_id, a.id, l.product_id, 'listing:' || l.product_id, json_object('productId', l.product_id), 'queued',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `listings` l
  JOIN `products` p ON p.id = l.product_id
  JOIN `marketplaces` m ON m.id = l.marketplace_id AND m.has_api = 1
  JOIN `marketplace_accounts` a ON a.producer_id = p.producer_id AND a.marketplace_id = l.marketplace_id
  WHERE l.product_id = old.product_id AND l.status <> 'delisted'
  ON CONFLICT (`marketplace_id`, `idempotency_key`) DO UPDATE SET
    `dirty` = CASE WHEN `status` = 'running' THEN 1 ELSE `dirty` END,
    `available_at` = CASE WHEN `status` IN ('done', 'dead') THEN excluded.available_at ELSE `available_at` END,
    `attempts` = CASE WHEN `status` IN ('done', 'dead') THEN 0 ELSE `attempts` END,
    `status` = CASE WHEN `status` = 'running' THEN 'running' ELSE 'queued' END,
    `account_id` = excluded.account_id,
    `updated_at` = excluded.updated_at;
END;
