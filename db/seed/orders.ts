// Orders over the months before the anchor day, streamed into a sink (a million do not fit
// comfortably in memory as objects). Each order is one producer's part of a checkout, with
// 1-3 items, one payment and, for cashless payments, the provider's events. Volume grows
// over time, peaks on the evening and on double-day sales (9/9, 10/10, 11/11, 12/12), and
// the payment mix moves toward cashless.
import type { ProducerRow, ProductRow, Reference } from "./model";
import type { ListingRow } from "./listings";
import type { UserRow } from "./users";
import { personName } from "./names";
import { COMMUNES, STREETS, hamletsFor } from "./places";
import { externalOrderId, failType, paidPayload, paidType, providerReference } from "./payments";
import { push, Rng, WeightedTable } from "./random";
import { DAY_MS, HOUR_MS, VN_OFFSET_MS, addMonths, foldVietnamese, iso, localMidnight, phoneNumber, seedNow } from "./text";

export type Row = (string | number | null)[];
export interface OrderSink {
  /** id, code, checkout_code, producer_id, province_id, channel, external_id, buyer_user_id, buyer_name,
   * buyer_phone, buyer_email, ship_province_id, ship_commune, ship_street, note, subtotal, shipping_fee,
   * total, status, placed_at, placed_day, completed_at, cancelled_at, created_at, updated_at */
  order(row: Row): void;
  /** order_id, product_id, product_name, unit_price, quantity, line_total */
  item(row: Row): void;
  /** id, order_id, method, channel, provider, provider_ref, amount, status, paid_at, created_at, updated_at */
  payment(row: Row): void;
  /** payment_id, provider, event_id, type, status, payload, received_at */
  paymentEvent(row: Row): void;
}

/** Relative order volume by local hour of day (Asia/Ho_Chi_Minh). */
const HOURLY = [1.5, 0.8, 0.4, 0.3, 0.3, 0.6, 1.5, 2.5, 3.5, 4.5, 5, 5, 4.5, 3.5, 3.5, 3.8, 4, 4, 4.5, 6, 7.5, 8, 6.5, 3.5];
type Channel = "storefront" | "shopee" | "lazada" | "tiktok" | "tiki" | "postmart" | "voso";
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [["storefront", 55], ["shopee", 18], ["lazada", 8], ["tiktok", 5], ["tiki", 4], ["postmart", 2], ["voso", 1]];
const CASHLESS: readonly (readonly [string, number])[] = [["vietqr", 30], ["momo", 28], ["vnpay", 26], ["stripe", 10]];
const ITEM_COUNTS = [[1, 62], [2, 27], [3, 11]] as const;
const NOTES = ["Giao giờ hành chính giúp mình", "Gọi trước khi giao", "Gói quà giúp mình, cảm ơn shop", "Giao buổi tối sau 18h", "Hàng dễ vỡ, đóng gói kỹ giúp", "Quà biếu, không để hóa đơn trong hộp"];

type Seller = { producer: ProducerRow; products: ProductRow[]; created: Float64Array };

export type OrderOptions = { count: number; months: number; today: string };

export function generateOrders(
  ref: Reference,
  producers: ProducerRow[],
  products: ProductRow[],
  listings: ListingRow[],
  shoppers: UserRow[],
  opts: OrderOptions,
  sink: OrderSink,
): { orders: number; items: number; payments: number; paymentEvents: number } {
  const rng = new Rng("orders");
  // Copies whose weights move over the period: TikTok Shop and VietQR gain.
  const channelWeights = CHANNEL_WEIGHTS.map(([c, w]): [Channel, number] => [c, w]);
  const cashlessWeights = CASHLESS.map(([m, w]): [string, number] => [m, w]);
  const now = seedNow(opts.today);
  const startDay = addMonths(opts.today, -opts.months);
  const start = localMidnight(startDay);

  // Who sells: verified producers' active products, oldest first.
  const sellable = products.filter((p) => p.status === "active" && p.producer.status === "verified").sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  if (sellable.length === 0) throw new Error("no active products of verified producers to order");
  const byProducer = new Map<number, ProductRow[]>();
  for (const p of sellable) push(byProducer, p.producer.id, p);
  const sellers: Seller[] = producers
    .filter((p) => byProducer.has(p.id))
    .map((producer) => {
      const list = byProducer.get(producer.id)!;
      return { producer, products: list, created: Float64Array.from(list.map((p) => p.createdAt)) };
    });
  const sellerTable = new WeightedTable(sellers, sellers.map((s) => s.producer.popularity * Math.sqrt(s.products.length)));
  const allCreated = Float64Array.from(sellable.map((p) => p.createdAt));
  const sellerOf = new Map(sellers.map((s) => [s.producer.id, s]));

  // Marketplace orders are for products live there at the time.
  type Live = { product: ProductRow; from: number; until: number };
  const live = new Map<string, { entries: Live[]; from: Float64Array }>();
  /** "shopee:12" → producer 12's listings on Shopee, by the time they went live. */
  const liveOfSeller = new Map<string, Live[]>();
  {
    const byMarket = new Map<string, Live[]>();
    for (const l of listings) {
      if (l.liveSince === null || l.product.status !== "active") continue;
      const until = l.status === "delisted" ? l.events[l.events.length - 1]!.at : Infinity;
      push(byMarket, l.code, { product: l.product, from: Math.max(l.liveSince, l.product.createdAt), until });
    }
    for (const [code, entries] of byMarket) {
      entries.sort((a, b) => a.from - b.from || a.product.id - b.product.id);
      live.set(code, { entries, from: Float64Array.from(entries.map((e) => e.from)) });
      for (const e of entries) {
        const key = `${code}:${e.product.producer.id}`;
        push(liveOfSeller, key, e);
      }
    }
  }

  const provinceIds = ref.current.map((p) => p.id);
  const provinceSlugById = new Map(ref.current.map((p) => [p.id, p.slug]));
  const hcm = ref.provinces.get("ho-chi-minh")!.id;
  const hanoi = ref.provinces.get("ha-noi")!.id;
  const hourTable = new WeightedTable(HOURLY.map((_, h) => h), HOURLY);
  const registeredShare = Math.min(0.3, 30_000 / Math.max(1, opts.count));

  // Orders per local day: growth over the period, weekends, double-day sales; the anchor day only until "now".
  const days: { start: number; weight: number; label: string }[] = [];
  for (let d = start, i = 0; d < now; d += DAY_MS, i++) {
    const date = new Date(d + VN_OFFSET_MS);
    const dow = date.getUTCDay();
    const dom = date.getUTCDate();
    const month = date.getUTCMonth() + 1;
    const growth = 0.55 + (0.9 * (d - start)) / (now - start);
    const weekend = dow === 0 || dow === 6 ? 1.15 : 1;
    const sale = dom === month && month >= 9 ? 2.6 : 1;
    const partial = d + DAY_MS > now ? HOURLY.slice(0, Math.floor((now - d) / HOUR_MS)).reduce((a, b) => a + b, 0) / 80.3 : 1;
    days.push({ start: d, weight: growth * weekend * sale * partial, label: date.toISOString().slice(2, 10).replace(/-/g, "") });
  }
  const totalWeight = days.reduce((a, d) => a + d.weight, 0);

  let orderId = 0;
  let itemCount = 0;
  let eventCount = 0;
  let cumulative = 0;
  let allocated = 0;
  for (const day of days) {
    cumulative += day.weight;
    const upto = Math.round((cumulative / totalWeight) * opts.count);
    const n = upto - allocated;
    allocated = upto;
    if (n <= 0) continue;
    const times: number[] = [];
    const maxHour = Math.min(24, Math.floor((now - day.start) / HOUR_MS));
    for (let i = 0; i < n; i++) {
      let h = hourTable.draw(rng);
      while (h >= maxHour) h = hourTable.draw(rng);
      times.push(day.start + h * HOUR_MS + rng.int(0, 3599) * 1000);
    }
    times.sort((a, b) => a - b);

    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      const f = (t - start) / (now - start);
      const placedAt = iso(t);
      const placedDay = iso(t + VN_OFFSET_MS).slice(0, 10);
      channelWeights[3]![1] = 5 + 9 * f;
      let channel = rng.weighted(channelWeights);

      // Pick what is bought.
      let seller: Seller | undefined;
      let first: ProductRow | undefined;
      if (channel !== "storefront") {
        // A listing live on that marketplace at t (went live before, not delisted yet).
        const market = live.get(channel);
        const k = market ? upperBound(market.from, t) : 0;
        for (let tries = 0; tries < 3 && k > 0 && !first; tries++) {
          const e = market!.entries[Math.floor(rng.next() * k)]!;
          if (t < e.until) first = e.product;
        }
        if (first) seller = sellerOf.get(first.producer.id);
        else channel = "storefront";
      }
      if (!seller) seller = pickSeller(rng, sellerTable, t);
      if (!seller) {
        // Early in a long period few products exist yet: take any product on sale by then.
        const k = upperBound(allCreated, t);
        first = sellable[k > 0 ? Math.floor(rng.next() * k) : 0]!;
        seller = sellerOf.get(first.producer.id)!;
      }
      const storefront = channel === "storefront";
      // A storefront cart split over two producers: two orders, one checkout.
      const split = storefront && i + 1 < times.length && rng.chance(0.08);
      const checkoutCode = storefront ? `CK${day.label}${String(orderId + 1).padStart(7, "0")}` : null;

      // The buyer and the address, shared by the orders of one checkout.
      const registered = storefront && rng.chance(registeredShare) ? shoppers[Math.floor(rng.next() * shoppers.length)]! : null;
      const person = registered ? null : personName(rng);
      const buyerName = registered?.name ?? person!.name;
      let buyerPhone = registered?.phone || phoneNumber(rng);
      if (!storefront) buyerPhone = `${buyerPhone.slice(0, 3)}****${buyerPhone.slice(7)}`;
      const buyerEmail = registered?.email ?? (storefront && rng.chance(0.4) ? `${foldVietnamese(person!.given).toLowerCase()}${rng.int(10, 9999)}@example.com` : "");
      const shipProvince = rng.weighted([[hcm, 25], [hanoi, 18], [seller.producer.province.id, 17], [provinceIds[Math.floor(rng.next() * provinceIds.length)]!, 40]] as const);
      const shipSlug = provinceSlugById.get(shipProvince)!;
      const shipCommune = rng.pick(COMMUNES[shipSlug]!).name;
      const shipStreet = rng.chance(0.6) ? `Số ${rng.int(1, 420)} ${rng.pick(STREETS)}` : rng.pick(hamletsFor(shipSlug));
      const note = rng.chance(0.1) ? rng.pick(NOTES) : "";
      const cod = rng.chance(storefront ? 0.55 - 0.15 * f : 0.6 - 0.15 * f);
      cashlessWeights[0]![1] = 30 + 15 * f;
      const method = cod ? "cod" : storefront ? rng.weighted(cashlessWeights) : "marketplace_online";

      for (let part = 0; part < (split ? 2 : 1); part++) {
        if (part === 1) {
          const other = pickSeller(rng, sellerTable, t);
          if (!other || other === seller) break;
          seller = other;
          first = undefined;
          i++; // the second order takes the next time slot's place in the count
        }
        orderId++;
        const id = orderId;
        const producer = seller.producer;

        // Items: distinct products of this seller on sale at t (on a marketplace: listed there at t).
        const wanted = rng.weighted(ITEM_COUNTS);
        const chosen: ProductRow[] = first ? [first] : [];
        if (storefront) {
          const available = upperBound(seller.created, t);
          for (let tries = 0; chosen.length < wanted && tries < 6 && available > 0; tries++) {
            const p = seller.products[Math.floor(rng.next() * available)]!;
            if (!chosen.includes(p)) chosen.push(p);
          }
        } else {
          const listed = liveOfSeller.get(`${channel}:${producer.id}`) ?? [];
          for (let tries = 0; chosen.length < wanted && tries < 6; tries++) {
            const e = listed[Math.floor(rng.next() * listed.length)]!;
            if (e.from <= t && t < e.until && !chosen.includes(e.product)) chosen.push(e.product);
          }
        }
        if (chosen.length === 0) chosen.push(seller.products[0]!);
        const itemRows: Row[] = [];
        let subtotal = 0;
        let grams = 0;
        let physical = false;
        for (const p of chosen) {
          const tourism = p.group === "tourism";
          const q = rng.next();
          const quantity = tourism ? rng.int(1, 4) : q < 0.7 ? 1 : q < 0.9 ? 2 : rng.int(3, 5);
          const line = p.price * quantity;
          subtotal += line;
          grams += (p.weightGrams ?? 500) * quantity;
          physical ||= !tourism;
          itemRows.push([id, p.id, p.name, p.price, quantity, line]);
        }
        const freeShip = !physical || (storefront && subtotal >= 500_000 && rng.chance(0.5));
        const fee = freeShip ? 0 : Math.min(40_000, 15_000 + Math.ceil(Math.max(0, grams - 1000) / 1000) * 4000 + (shipProvince === producer.province.id ? 0 : 5000));
        const total = subtotal + fee;
        // Before the merger the address named the old province (a current unit that kept its
        // name stands for both, so only the seller's own, possibly merged-away, one changes).
        
        // The order's life so far, as of "now".
        const cashless = method !== "cod";
        const cashlessStorefront = cashless && storefront;
        // VietQR transfers are matched from the bank's notification within the hour, or by the
        // producer checking the statement, up to two days later; gateways answer in minutes.
        const w = rng.next();
        const payWindow =
          method === "vietqr" ? (w < 0.35 ? rng.int(1, 60) : w < 0.75 ? rng.int(60, 24 * 60) : rng.int(24 * 60, 47 * 60)) * 60_000 : rng.int(1, 15) * 60_000;
        // The producer confirms once a cashless payment has arrived.
        const confirmed = (cashlessStorefront ? t + payWindow : t) + rng.int(10, 24 * 60) * 60_000;
        const shipped = confirmed + rng.int(4 * 60, 36 * 60) * 60_000;
        const delivered = shipped + rng.int(24 * 60, 4 * 24 * 60) * 60_000;
        const completed = delivered + rng.int(0, 3 * 24 * 60) * 60_000;
        const fate = rng.next();
        const cancelAt = t + rng.int(15, 30 * 60) * 60_000;
        const refundAt = delivered + rng.int(1, 7) * DAY_MS;
        // Some buyers never pay: a QR they do not transfer to, a wallet or card page they leave.
        const abandoned = cashlessStorefront && rng.chance(method === "vietqr" ? 0.1 : 0.04);
        let status: string;
        let completedAt: number | null = null;
        let cancelledAt: number | null = null;
        let updated = t;
        const expiry = t + (method === "vietqr" ? 2 * DAY_MS : 15 * 60_000);
        if (abandoned && expiry <= now) {
          status = "cancelled";
          cancelledAt = expiry;
        } else if (cashless && storefront && (abandoned || t + payWindow > now)) status = "pending_payment";
        else if (fate >= 0.05 && fate < 0.1 && cancelAt <= now) {
          status = "cancelled";
          cancelledAt = cancelAt;
        } else if (fate >= 0.1 && fate < 0.118 && refundAt <= now) {
          status = "refunded";
          updated = refundAt;
        } else if (completed <= now) {
          status = "completed";
          completedAt = completed;
        } else if (delivered <= now) status = "delivered";
        else if (shipped <= now) status = "shipped";
        else if (confirmed <= now) status = "confirmed";
        else status = "placed";
        updated = Math.max(updated, completedAt ?? 0, cancelledAt ?? 0, status === "delivered" ? delivered : 0, status === "shipped" ? shipped : 0, status === "confirmed" ? confirmed : 0);

        const externalId = storefront ? null : externalOrderId(channel, day.label, id);
        const code = `OC${day.label}${String(id).padStart(7, "0")}`;
        sink.order([
          id, code, checkoutCode, producer.id, producer.province.id, channel, externalId,
          registered?.id ?? null, buyerName, buyerPhone, buyerEmail, shipProvince, shipCommune, shipStreet, note,
          subtotal, fee, total, status, placedAt, placedDay,
          completedAt === null ? null : iso(completedAt), cancelledAt === null ? null : iso(cancelledAt), placedAt, iso(updated),
        ]);
        for (const row of itemRows) sink.item(row);
        itemCount += itemRows.length;

        // The payment and, for cashless ones, what the provider told us.
        const provider = method === "cod" ? "cod" : method === "vietqr" ? "napas" : method === "marketplace_online" ? channel : method;
        let payStatus: string;
        let paidAt: number | null = null;
        if (method === "cod") {
          payStatus = status === "completed" || status === "delivered" ? "paid" : status === "refunded" ? "refunded" : status === "cancelled" ? "cancelled" : "pending";
          if (payStatus === "paid" || payStatus === "refunded") paidAt = delivered;
        } else if (status === "pending_payment") payStatus = "pending";
        else if (status === "cancelled" && abandoned) payStatus = method === "vietqr" || rng.chance(0.5) ? "expired" : "failed";
        else if (status === "cancelled" && cancelledAt! < t + payWindow) payStatus = "cancelled"; // the buyer cancelled before paying
        else {
          paidAt = t + payWindow;
          payStatus = status === "refunded" || status === "cancelled" ? "refunded" : "paid";
        }
        const providerRef = method === "cod" ? null : providerReference(rng, method, id, externalId, day.label);
        const payUpdated = payStatus === "refunded" ? Math.max(paidAt ?? t, status === "refunded" ? refundAt : cancelledAt ?? t) : paidAt ?? cancelledAt ?? t;
        sink.payment([id, id, method, ref.paymentChannels.get(method)!, provider, providerRef, total, payStatus, paidAt === null ? null : iso(paidAt), placedAt, iso(payUpdated)]);
        if (cashless) {
          const key = id.toString(36).toUpperCase().padStart(7, "0");
          const eid = (suffix: string) => (provider === "stripe" ? `evt_1${key}${suffix}` : `${key}-${suffix}`);
          if (paidAt !== null) {
            sink.paymentEvent([id, provider, eid("paid"), paidType(provider), "paid", paidPayload(provider, total, providerRef), iso(paidAt)]);
            eventCount++;
          }
          if (payStatus === "failed" || payStatus === "expired") {
            const at = cancelledAt ?? t + 15 * 60_000;
            sink.paymentEvent([id, provider, eid(payStatus), failType(provider, payStatus), payStatus, `{"amount":${total}}`, iso(at)]);
            eventCount++;
          }
          if (payStatus === "refunded") {
            sink.paymentEvent([id, provider, eid("refund"), provider === "stripe" ? "charge.refunded" : "refund", "refunded", `{"amount":${total}}`, iso(payUpdated)]);
            eventCount++;
          }
        }
      }
    }
  }
  return { orders: orderId, items: itemCount, payments: orderId, paymentEvents: eventCount };
}

function pickSeller(rng: Rng, table: WeightedTable<Seller>, t: number): Seller | undefined {
  for (let tries = 0; tries < 4; tries++) {
    const s = table.draw(rng);
    if (s.created[0]! <= t) return s;
  }
  return undefined;
}

/** Number of entries ≤ t in an ascending array. */
function upperBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
