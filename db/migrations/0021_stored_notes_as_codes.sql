-- The notes the app wrote as Vietnamese sentences become codes with parameters (app/i18n/notes.ts),
-- shown in each reader's language. Texts not listed here stay as they are and are shown as written.
UPDATE order_events SET note = '{"code":"cancelled_by_producer","params":{}}' WHERE note = 'Nhà sản xuất hủy đơn';
--> statement-breakpoint
UPDATE order_events SET note = '{"code":"cancelled_by_buyer","params":{}}' WHERE note = 'Khách hàng hủy đơn';
--> statement-breakpoint
UPDATE order_events SET note = '{"code":"transfer_refunded","params":{}}' WHERE note = 'Đã hoàn tiền chuyển khoản';
--> statement-breakpoint
UPDATE order_events SET note = '{"code":"payment_expired","params":{}}' WHERE note = 'Quá hạn thanh toán';
--> statement-breakpoint
UPDATE order_events SET note = '{"code":"payment_failed","params":{}}' WHERE note = 'Thanh toán không thành công';
--> statement-breakpoint
UPDATE order_events SET note = '{"code":"payment_cancelled","params":{}}' WHERE note = 'Đã hủy thanh toán';
--> statement-breakpoint
UPDATE order_events SET note = json_object('code', 'marketplace_update', 'params', json_object('channel', substr(note, 5)))
  WHERE note LIKE 'Sàn %' AND substr(note, 5) IN (SELECT code FROM marketplaces);
--> statement-breakpoint
UPDATE payment_events SET payload = json_set(payload, '$.note', CASE json_extract(payload, '$.note')
    WHEN 'Đã thu tiền khi giao hàng' THEN '{"code":"cod_collected","params":{}}'
    WHEN 'Nhà sản xuất đã hoàn tiền' THEN '{"code":"producer_refunded","params":{}}'
    WHEN 'Nhà sản xuất xác nhận đã nhận đủ tiền' THEN '{"code":"producer_accepted_payment","params":{}}'
    WHEN 'Cổng thanh toán đã xác nhận hoàn tiền' THEN '{"code":"gateway_refund_confirmed","params":{}}'
  END)
  WHERE provider = 'ocop' AND json_valid(payload) AND json_extract(payload, '$.note') IN
    ('Đã thu tiền khi giao hàng', 'Nhà sản xuất đã hoàn tiền', 'Nhà sản xuất xác nhận đã nhận đủ tiền', 'Cổng thanh toán đã xác nhận hoàn tiền');
--> statement-breakpoint
UPDATE listing_events SET detail = '{"code":"relist_requested","params":{}}' WHERE detail = 'Người bán yêu cầu đăng lại';
--> statement-breakpoint
UPDATE listing_events SET detail = '{"code":"moved_to_other_shop","params":{}}' WHERE detail = 'Đã chuyển sang gian hàng khác trên sàn';
--> statement-breakpoint
UPDATE listing_events SET detail = '{"code":"not_ready","params":{}}' WHERE detail = 'Sản phẩm chưa đủ điều kiện đăng';
--> statement-breakpoint
UPDATE listing_events SET detail = '{"code":"photo_unreadable","params":{}}' WHERE detail = 'Không đọc được ảnh sản phẩm';
--> statement-breakpoint
UPDATE listing_events SET detail = '{"code":"hidden_on_marketplace","params":{}}' WHERE detail = 'Sản phẩm đang bị ẩn trên sàn';
--> statement-breakpoint
UPDATE listing_events SET detail = '{"code":"gone_from_marketplace","params":{}}' WHERE detail = 'Sàn không còn sản phẩm này';
