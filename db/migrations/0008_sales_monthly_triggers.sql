-- sales_monthly follows sales_daily row by row, whatever changes it (the order and payment
-- triggers, a rebuild, a bulk load), so the two always agree.
INSERT INTO `sales_monthly` (`month`, `province_id`, `channel`, `status`, `method`, `pay_channel`, `orders`, `value`)
SELECT substr(`day`, 1, 7), `province_id`, `channel`, `status`, `method`, `pay_channel`, sum(`orders`), sum(`value`)
FROM `sales_daily` GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER `sales_monthly_ai` AFTER INSERT ON `sales_daily` BEGIN
  INSERT INTO `sales_monthly` (`month`, `province_id`, `channel`, `status`, `method`, `pay_channel`, `orders`, `value`)
  VALUES (substr(new.day, 1, 7), new.province_id, new.channel, new.status, new.method, new.pay_channel, new.orders, new.value)
  ON CONFLICT DO UPDATE SET `orders` = `orders` + excluded.orders, `value` = `value` + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `sales_monthly_au` AFTER UPDATE ON `sales_daily` BEGIN
  UPDATE `sales_monthly` SET `orders` = `orders` - old.orders, `value` = `value` - old.value
  WHERE `month` = substr(old.day, 1, 7) AND `province_id` = old.province_id AND `channel` = old.channel
    AND `status` = old.status AND `method` = old.method AND `pay_channel` = old.pay_channel;
  INSERT INTO `sales_monthly` (`month`, `province_id`, `channel`, `status`, `method`, `pay_channel`, `orders`, `value`)
  VALUES (substr(new.day, 1, 7), new.province_id, new.channel, new.status, new.method, new.pay_channel, new.orders, new.value)
  ON CONFLICT DO UPDATE SET `orders` = `orders` + excluded.orders, `value` = `value` + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `sales_monthly_ad` AFTER DELETE ON `sales_daily` BEGIN
  UPDATE `sales_monthly` SET `orders` = `orders` - old.orders, `value` = `value` - old.value
  WHERE `month` = substr(old.day, 1, 7) AND `province_id` = old.province_id AND `channel` = old.channel
    AND `status` = old.status AND `method` = old.method AND `pay_channel` = old.pay_channel;
END;
