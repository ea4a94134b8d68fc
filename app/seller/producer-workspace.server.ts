// What a producer member sees first: its own producer and its products by status.
// Every query here is scoped to the member's producer id, never a slug from the URL.
import { statement } from "~/db.server";
import type { ProducerKind, ProductStatus } from "#db/vocabulary";

export type WorkspaceSummary = {
  name: string;
  slug: string;
  kind: ProducerKind;
  status: "unclaimed" | "pending" | "verified" | "suspended";
  provinceId: number;
  products: Record<ProductStatus, number>;
  visible: number;
};

export function workspaceSummary(producerId: number): WorkspaceSummary | null {
  const producer = statement<[producerId: number], Omit<WorkspaceSummary, "products" | "visible">>(
    `SELECT name, slug, kind, status, province_id AS provinceId FROM producers WHERE id = ?`,
  ).get(producerId);
  if (!producer) return null;
  const rows = statement<[producerId: number], { status: ProductStatus; n: number; visible: number }>(
    `SELECT status, count(*) AS n, sum(visible) AS visible FROM products WHERE producer_id = ? GROUP BY status`,
  ).all(producerId);
  const products = { draft: 0, active: 0, archived: 0 };
  for (const r of rows) products[r.status] = r.n;
  return { ...producer, products, visible: rows.reduce((s, r) => s + r.visible, 0) };
}
