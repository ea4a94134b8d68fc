// What a producer member sees first: its own producer, what needs doing (orders waiting, products
// that cannot go live, marketplace shops to connect again) and its products by status.
// Every query here is scoped to the member's producer id, never a slug from the URL.
import { statement } from "~/db.server";
import { accountsExpiringSoon } from "~/marketplaces/accounts.server";
import { waitingOrderCount } from "~/orders/queries.server";
import type { ProducerKind, ProductStatus } from "#db/vocabulary";
import { CAN_GO_LIVE_SQL } from "./go-live";

export type WorkspaceSummary = {
  name: string;
  slug: string;
  kind: ProducerKind;
  status: "unclaimed" | "pending" | "verified" | "suspended";
  provinceId: number;
  products: Record<ProductStatus, number>;
  visible: number;
  /** Storefront orders placed (paid, or cash on delivery) that the producer has not confirmed yet. */
  waitingOrders: number;
  /** Products not archived that lack a photo, a price or stock, so cannot go live. */
  productsToFix: number;
  /** Marketplace shops already expired or whose connection lapses within a week. */
  expiringShops: number;
};

type Counts = Pick<WorkspaceSummary, "products" | "visible" | "waitingOrders" | "productsToFix" | "expiringShops">;

export function workspaceSummary(producerId: number, now = new Date()): WorkspaceSummary | null {
  const producer = statement<[producerId: number], Omit<WorkspaceSummary, keyof Counts>>(
    `SELECT name, slug, kind, status, province_id AS provinceId FROM producers WHERE id = ?`,
  ).get(producerId);
  if (!producer) return null;
  const rows = statement<[producerId: number], { status: ProductStatus; n: number; visible: number; toFix: number }>(
    `SELECT p.status, count(*) AS n, sum(p.visible) AS visible, sum(p.status <> 'archived' AND NOT ${CAN_GO_LIVE_SQL}) AS toFix
     FROM products p WHERE p.producer_id = ? GROUP BY p.status`,
  ).all(producerId);
  const products = { draft: 0, active: 0, archived: 0 };
  for (const r of rows) products[r.status] = r.n;
  return {
    ...producer,
    products,
    visible: rows.reduce((s, r) => s + r.visible, 0),
    productsToFix: rows.reduce((s, r) => s + r.toFix, 0),
    waitingOrders: waitingOrderCount(producerId),
    expiringShops: accountsExpiringSoon(producerId, now),
  };
}
