// The texts of order e-mails (Vietnamese, as most buyers and every producer read it). Pure:
// app/orders/state.server.ts and app/payments/record.server.ts queue them in the outbox
// inside the transaction of the change they report.
import { formatVnd } from "~/i18n/format";
import type { OrderStatus } from "#db/vocabulary";
import type { OutgoingEmail } from "~/notifications/outbox.server";

export type OrderForEmail = {
  code: string;
  checkoutCode: string | null;
  buyerName: string;
  buyerEmail: string;
  producerName: string;
  producerEmail: string;
  total: number;
};

const STATUS_TEXT: Partial<Record<OrderStatus, [subject: string, line: string]>> = {
  placed: ["đã thanh toán", "Chúng tôi đã nhận được thanh toán. Nhà sản xuất sẽ xác nhận và chuẩn bị hàng."],
  confirmed: ["đã được xác nhận", "Nhà sản xuất đã xác nhận đơn hàng và đang chuẩn bị hàng."],
  shipped: ["đang được giao", "Đơn hàng đã được giao cho đơn vị vận chuyển."],
  delivered: ["đã giao thành công", "Đơn hàng đã được giao. Cảm ơn bạn đã ủng hộ sản phẩm OCOP!"],
  completed: ["đã hoàn tất", "Đơn hàng đã hoàn tất."],
  cancelled: ["đã bị hủy", "Đơn hàng đã bị hủy. Nếu bạn đã thanh toán, khoản tiền sẽ được hoàn lại."],
  refunded: ["đã được hoàn tiền", "Khoản thanh toán của đơn hàng đã được hoàn lại."],
};

const footer = "\n\nOCOP Connect · Sản phẩm OCOP từ hợp tác xã đến tận nhà bạn";

/** To the buyer, when an order moves to `status` (null: nothing worth an e-mail). */
export function buyerStatusEmail(order: OrderForEmail, status: OrderStatus, note = ""): OutgoingEmail | null {
  const text = STATUS_TEXT[status];
  if (!text || !order.buyerEmail) return null;
  return {
    kind: `order_${status}`,
    to: order.buyerEmail,
    subject: `Đơn hàng ${order.code} ${text[0]}`,
    body:
      `Chào ${order.buyerName},\n\n${text[1]}\n\n` +
      `Đơn hàng: ${order.code}\nNhà sản xuất: ${order.producerName}\nTổng tiền: ${formatVnd(order.total)}` +
      (note ? `\nGhi chú: ${note}` : "") +
      footer,
  };
}

/** To the producer, when an order is ready for it to handle (COD placed, or paid). */
export function producerNewOrderEmail(order: OrderForEmail, paid: boolean): OutgoingEmail | null {
  if (!order.producerEmail) return null;
  return {
    kind: "order_new_for_producer",
    to: order.producerEmail,
    subject: `Đơn hàng mới ${order.code}${paid ? " (đã thanh toán)" : " (thu tiền khi giao)"}`,
    body:
      `${order.producerName} có đơn hàng mới.\n\nĐơn hàng: ${order.code}\nKhách hàng: ${order.buyerName}\n` +
      `Tổng tiền: ${formatVnd(order.total)}\n${paid ? "Khách đã thanh toán trực tuyến." : "Thu tiền mặt khi giao hàng."}\n\n` +
      `Xem và xác nhận đơn trong Kênh người bán › Đơn hàng.` +
      footer,
  };
}

/** To the producer, when a payment needs a person (a partial, excess or late transfer). */
export function producerPaymentFlaggedEmail(order: OrderForEmail, reason: string): OutgoingEmail | null {
  if (!order.producerEmail) return null;
  return {
    kind: "payment_flagged",
    to: order.producerEmail,
    subject: `Cần kiểm tra thanh toán của đơn ${order.code}`,
    body:
      `Thanh toán của đơn ${order.code} cần được kiểm tra: ${reason}\n\n` +
      `Số tiền đơn hàng: ${formatVnd(order.total)}. Xem chi tiết trong Kênh người bán › Đơn hàng.` +
      footer,
  };
}

/** To the buyer, once per checkout, listing its orders. */
export function checkoutPlacedEmail(
  buyer: { name: string; email: string },
  checkoutCode: string,
  parts: { code: string; producerName: string; total: number }[],
  methodName: string,
  awaitingPayment: boolean,
): OutgoingEmail | null {
  if (!buyer.email) return null;
  const total = parts.reduce((a, p) => a + p.total, 0);
  return {
    kind: "checkout_placed",
    to: buyer.email,
    subject: `Đã nhận đơn hàng ${checkoutCode}`,
    body:
      `Chào ${buyer.name},\n\nCảm ơn bạn đã đặt hàng trên OCOP Connect.\n\n` +
      parts.map((p) => `- ${p.code} · ${p.producerName} · ${formatVnd(p.total)}`).join("\n") +
      `\n\nTổng cộng: ${formatVnd(total)}\nThanh toán: ${methodName}\n` +
      (awaitingPayment ? "Đơn hàng sẽ được giữ trong thời gian chờ thanh toán; quá hạn, đơn sẽ tự hủy." : "Bạn thanh toán bằng tiền mặt khi nhận hàng.") +
      footer,
  };
}
