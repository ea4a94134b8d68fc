-- sales_daily, the officials' daily sales rollup, kept by triggers in the same transaction as every
-- order and payment change. An order counts once, in the bucket of its placed day, seller province,
-- sales channel, status, and the method and channel of its latest payment ('' before it has one).
-- db/rollups.ts rebuilds the table from scratch with the same definition and compares the two.
-- First the orders that exist already (same query as db/rollups.ts SALES_DAILY_FROM_BASE).
INSERT INTO `sales_daily` (`day`, `province_id`, `channel`, `status`, `method`, `pay_channel`, `orders`, `value`)
SELECT o.placed_day, o.province_id, o.channel, o.status, coalesce(lp.method, ''), coalesce(lp.channel, ''), count(*), sum(o.total)
FROM `orders` o
LEFT JOIN `payments` lp ON lp.id = (SELECT max(p.id) FROM `payments` p WHERE p.order_id = o.id)
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER `sales_rollup_order_ai` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `sales_daily` (`day`, `province_id`, `channel`, `status`, `method`, `pay_channel`, `orders`, `value`)
  VALUES (
    new.placed_day, new.province_id, new.channel, new.status,
    coalesce((SELECT `method` FROM `payments` WHERE `order_id` = new.id ORDER BY `id` DESC LIMIT 1), ''),
    coalesce((SELECT `channel` FROM `payments` WHERE `order_id` = new.id ORDER BY `id` DESC LIMIT 1), ''),
    1, new.total
  )
  ON CONFLICT DO UPDATE SET `orders` = `orders` + excluded.orders, `value` = `value` + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `sales_rollup_order_au` AFTER UPDATE OF `placed_day`, `province_id`, `channel`, `status`, `total` ON `orders` BEGIN
  UPDATE `sales_daily` SET `orders` = `orders` - 1, `value` = `value` - old.total
  WHERE `day` = old.placed_day AND `province_id` = old.province_id AND `channel` = old.channel AND `status` = old.status
    AND `method` = coalesce((SELECT `method` FROM `payments` WHERE `order_id` = old.id ORDER BY `id` DESC LIMIT 1), '')
    AND `pay_channel` = coalesce((SELECT `channel` FROM `payments` WHERE `order_id` = old.id ORDER BY `id` DESC LIMIT 1), '');
  INSERT INTO `sales_daily` (`day`, `province_id`, `channel`, `status`, `method`, `pay_channel`, `orders`, `value`)
  VALUES (
    new.placed_day, new.province_id, new.channel, new.status,
    coalesce((SELECT `method` FROM `payments` WHERE `order_id` = new.id ORDER BY `id` DESC LIMIT 1), ''),
    coalesce((SELECT `channel` FROM `payments` WHERE `order_id` = new.id ORDER BY `id` DESC LIMIT 1), ''),
    1, new.total
  )
  ON CONFLICT DO UPDATE SET `orders` = `orders` + excluded.orders, `value` = `value` + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `sales_rollup_order_ad` AFTER DELETE ON `orders` BEGIN
  UPDATE `sales_daily` SET `orders` = `orders` - 1, `value` = `value` - old.total
  WHERE `day` = old.placed_day AND `province_id` = old.province_id AND `channel` = old.channel AND `status` = old.status
    AND `method` = coalesce((SELECT `method` FROM `payments` WHERE `order_id` = old.id ORDER BY `id` DESC LIMIT 1), '')
    AND `pay_channel` = coalesce((SELECT `channel` FROM `payments` WHERE `order_id` = old.id ORDER BY `id` DESC LIMIT 1), '');
END;
--> statement-breakpoint
-- A new payment becomes its order's latest: the order moves to the bucket of the new method.
CREATE TRIGGER `sales_rollup_payment_ai` AFTER INSERT ON `payments`
WHEN new.id = (SELECT max(`id`) FROM `payments` WHERE `order_id` = new.order_id) BEGIN
  UPDATE `sales_daily` SET
    `orders` = `orders` - 1,
    `value` = `value` - (SELECT `total` FROM `orders` WHERE `id` = new.order_id)
  WHERE (`day`, `province_id`, `channel`, `status`) = (SELECT `placed_day`, `province_id`, `channel`, `status` FROM `orders` WHERE `id` = new.order_id)
    AND `method` = coalesce((SELECT `method` FROM `payments` WHERE `order_id` = new.order_id AND `id` <> new.id ORDER BY `id` DESC LIMIT 1), '')
    AND `pay_channel` = coalesce((SELECT `channel` FROM `payments` WHERE `order_id` = new.order_id AND `id` <> new.id ORDER BY `id` DESC LIMIT 1), '');
  INSERT INTO `sales_daily` (`day`, `province_id`, `channel`, `status`, `method`, `pay_channel`, `orders`, `value`)
  SELECT o.placed_day, o.province_id, o.channel, o.status, new.method, new.channel, 1, o.total
  FROM `orders` o WHERE o.id = new.order_id
  ON CONFLICT DO UPDATE SET `orders` = `orders` + excluded.orders, `value` = `value` + excluded.value;
END;
--> statement-breakpoint
-- A payment is history: what it was, for which order, by which method, never changes, and it is never deleted.
CREATE TRIGGER `payments_immutable_bu` BEFORE UPDATE OF `order_id`, `method`, `channel` ON `payments`
WHEN new.order_id IS NOT old.order_id OR new.method IS NOT old.method OR new.channel IS NOT old.channel BEGIN
  SELECT RAISE(ABORT, 'a payment''s order, method and channel never change: record a new payment');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_keep_bd` BEFORE DELETE ON `payments` BEGIN
  SELECT RAISE(ABORT, 'payments are kept: mark them cancelled or refunded instead');
END;
