import { describe, expect, it } from "vitest";
import { planCheckout, type PlanLine } from "~/checkout/checkout-plan";
import { ORDER_NEXT, pathForward } from "~/orders/state.server";
import { PAYMENT_NEXT } from "~/payments/record.server";
import { ORDER_STATUSES, PAYMENT_STATUSES } from "#db/vocabulary";

/** True when following the edges from any node can never come back to it. */
function acyclic(graph: Record<string, readonly string[]>): boolean {
  const state = new Map<string, "open" | "done">();
  const visit = (n: string): boolean => {
    if (state.get(n) === "done") return true;
    if (state.get(n) === "open") return false;
    state.set(n, "open");
    const ok = (graph[n] ?? []).every(visit);
    state.set(n, "done");
    return ok;
  };
  return Object.keys(graph).every(visit);
}

describe("statuses only move forward", () => {
  it("order and payment transitions have no way back", () => {
    expect(Object.keys(ORDER_NEXT).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(Object.keys(PAYMENT_NEXT).sort()).toEqual([...PAYMENT_STATUSES].sort());
    expect(acyclic(ORDER_NEXT)).toBe(true);
    expect(acyclic(PAYMENT_NEXT)).toBe(true);
  });

  it("a late 'pending' or failure never overwrites 'paid'", () => {
    expect(PAYMENT_NEXT.paid).toEqual(["refunded"]);
    expect(ORDER_NEXT.cancelled).toEqual([]);
    expect(ORDER_NEXT.refunded).toEqual([]);
  });

  it("an imported order walks the shortest way forward, never back", () => {
    expect(pathForward("placed", "shipped")).toEqual(["confirmed", "shipped"]);
    expect(pathForward("pending_payment", "completed")).toEqual(["placed", "confirmed", "shipped", "delivered", "completed"]);
    expect(pathForward("confirmed", "cancelled")).toEqual(["cancelled"]);
    expect(pathForward("shipped", "cancelled")).toBeNull();
    expect(pathForward("shipped", "placed")).toBeNull();
    expect(pathForward("placed", "placed")).toBeNull();
  });

  it("the acyclic check itself finds a cycle", () => {
    expect(acyclic({ a: ["b"], b: ["a"] })).toBe(false);
  });
});

describe("splitting a cart into orders", () => {
  const line = (producerId: number, price: number, quantity: number, extra: Partial<PlanLine> = {}): PlanLine => ({
    productId: producerId * 100 + price,
    name: `p${price}`,
    price,
    quantity,
    producerId,
    producerName: `producer ${producerId}`,
    provinceId: producerId === 1 ? 10 : 20,
    tourism: false,
    ...extra,
  });
  const rate = { sameProvinceFee: 20_000, otherProvinceFee: 35_000, freeFrom: 500_000 };

  it("one part per producer, a fee per part by province, free above the threshold and for services", () => {
    const lines = [line(1, 100_000, 2), line(2, 300_000, 2), line(1, 50_000, 1), line(3, 400_000, 1, { tourism: true })];
    const plan = planCheckout(lines, { 1: rate, 2: rate, 3: rate }, 10);
    expect(plan.parts.map((p) => [p.producerId, p.subtotal, p.shippingFee, p.total])).toEqual([
      [1, 250_000, 20_000, 270_000],
      [2, 600_000, 0, 600_000],
      [3, 400_000, 0, 400_000],
    ]);
    expect(plan.total).toBe(1_270_000);
  });

  it("has no shipping or total until the province is known", () => {
    const plan = planCheckout([line(1, 100_000, 1)], { 1: rate }, null);
    expect(plan).toMatchObject({ subtotal: 100_000, shipping: null, total: null });
  });
});
