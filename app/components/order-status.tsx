import type { OrderStatus, PaymentStatus } from "#db/vocabulary";
import { useOrderT } from "~/i18n/use-order-t";

const TONE: Record<string, string> = {
  paid: "ok",
  delivered: "ok",
  completed: "ok",
  placed: "info",
  confirmed: "info",
  shipped: "info",
  pending: "wait",
  pending_payment: "wait",
  authorized: "wait",
  flagged: "warn",
  failed: "bad",
  expired: "bad",
  cancelled: "bad",
  refunded: "muted",
};

/** An order's or a payment's status as a coloured label (the word carries the meaning, not the colour). */
export function StatusBadge(props: { kind: "order"; status: OrderStatus } | { kind: "payment"; status: PaymentStatus }) {
  const t = useOrderT();
  const label = props.kind === "order" ? t(`orderStatus.${props.status}`) : t(`paymentStatus.${props.status}`);
  return <span className={`status-badge ${TONE[props.status] ?? ""}`}>{label}</span>;
}
