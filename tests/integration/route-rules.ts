// Who may reach each route, and whose ids it takes: the rules the authorization matrix
// (route-access.test.ts) checks every route module against, and the property test (route-fuzz.test.ts)
// uses to send its input as someone the route lets through. A route module without a rule here fails
// both tests: a new route must say who may use it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { MARKETPLACE_CODES } from "#db/reference/marketplaces";
import type { Actor, RouteWorld, Side } from "../../scripts/fixtures/route-world";

export type RouteFn = (args: LoaderFunctionArgs) => Promise<unknown>;
export type RouteModule = { loader?: RouteFn; action?: RouteFn };

export type Rule = {
  /** Who may reach it at all; everyone else gets a redirect to log in, a 403 or a 404. */
  who: "public" | "signed-in" | readonly Actor[];
  /**
   * Whose rows the ids belong to: a shopper's purchases ("buyer"), a producer's rows ("producer"), a
   * province's ("province": an official's own only, A's for the official of A and B's for the official
   * of B; national officials and admins see every one).
   */
  scope?: "buyer" | "producer" | "province";
  params?: (w: RouteWorld, side: Side) => Record<string, string>;
  /** What the loader answers its own side when that is not 200 or a redirect (an unknown token). */
  ownStatus?: number;
};

const SELLER: readonly Actor[] = ["producer"];
const VERIFIERS: readonly Actor[] = ["official", "official_b", "admin"];
const INDICATORS: readonly Actor[] = ["official", "official_b", "national_official", "admin"];
const ADMIN: readonly Actor[] = ["admin"];
const market = () => ({ code: MARKETPLACE_CODES[0] });
const product = (w: RouteWorld, side: Side) => ({ id: String(w.products[side]) });
const province = (w: RouteWorld, side: Side) => ({ province: w.provinces[side] });

export const RULES: Record<string, Rule> = {
  "storefront/$": { who: "public", params: () => ({ "*": "khong-co-trang-nay" }), ownStatus: 404 },
  "storefront/_index": { who: "public" },
  "storefront/dang-ky": { who: "public" },
  "storefront/dang-nhap": { who: "public" },
  "storefront/dang-xuat": { who: "public" },
  "storefront/don-hang.$code": { who: "signed-in", scope: "buyer", params: (w, side) => ({ code: w.checkouts[side] }) },
  "storefront/don-hang._index": { who: "signed-in" },
  // "Lưu mã QR": the route world's orders are cash on delivery, so there is no QR to save: a 404 for everyone alike.
  "storefront/don-hang.$code_.ma-qr.$order": { who: "signed-in", scope: "buyer", params: (w, side) => ({ code: w.checkouts[side], order: w.orders[side] }), ownStatus: 404 },
  // Traceability: a decision's public page (an unknown number is a 404) and a public product's QR label.
  "storefront/chung-nhan.$": { who: "public", params: () => ({ "*": "khong-co-quyet-dinh-nay" }), ownStatus: 404 },
  // The route world's products carry no OCOP decision, so the label is a 404 for everyone alike.
  "storefront/nhan-qr.$slug": { who: "public", params: () => ({ slug: "xoai-say-deo" }), ownStatus: 404 },
  "storefront/robots[.]txt": { who: "public" },
  "storefront/sitemap[.]xml": { who: "public" },
  "storefront/gio-hang": { who: "public" },
  "storefront/moi.$token": { who: "public", params: () => ({ token: "khong-co-loi-moi-nay" }) },
  "storefront/ngon-ngu": { who: "public" },
  "storefront/nha-san-xuat.$slug": { who: "public", params: () => ({ slug: "htx-tan-thuan" }) },
  "storefront/san-pham.$slug": { who: "public", params: () => ({ slug: "xoai-say-deo" }) },
  "storefront/san-pham._index": { who: "public" },
  "storefront/tai-khoan": { who: "signed-in" },
  "storefront/thanh-toan": { who: "signed-in" },

  "seller/kenh-nguoi-ban": { who: SELLER },
  "seller/kenh-nguoi-ban._index": { who: SELLER },
  "seller/kenh-nguoi-ban.chuyen-khoan._index": { who: SELLER },
  "seller/kenh-nguoi-ban.chuyen-khoan.doi-soat": { who: SELLER },
  "seller/kenh-nguoi-ban.don-hang.$code": { who: SELLER, scope: "producer", params: (w, side) => ({ code: w.orders[side] }) },
  "seller/kenh-nguoi-ban.don-hang.$code_.hoan-tien": { who: SELLER, scope: "producer", params: (w, side) => ({ code: w.orders[side] }) },
  "seller/kenh-nguoi-ban.don-hang._index": { who: SELLER },
  "seller/kenh-nguoi-ban.ho-so": { who: SELLER },
  "seller/kenh-nguoi-ban.nhap-xuat.$importId": { who: SELLER, scope: "producer", params: (w, side) => ({ importId: String(w.imports[side]) }) },
  "seller/kenh-nguoi-ban.nhap-xuat._index": { who: SELLER },
  "seller/kenh-nguoi-ban.nhap-xuat.tai-ve": { who: SELLER, ownStatus: 400 }, // without ?noi-dung=…: a bad request
  "seller/kenh-nguoi-ban.nhap-xuat.tien-do": { who: SELLER },
  "seller/kenh-nguoi-ban.san-pham.$id": { who: SELLER, scope: "producer", params: product },
  "seller/kenh-nguoi-ban.san-pham.$id._index": { who: SELLER, scope: "producer", params: product },
  "seller/kenh-nguoi-ban.san-pham.$id.anh": { who: SELLER, scope: "producer", params: product },
  "seller/kenh-nguoi-ban.san-pham.$id.chung-nhan": { who: SELLER, scope: "producer", params: product },
  "seller/kenh-nguoi-ban.san-pham.$id.san-sang": { who: SELLER, scope: "producer", params: product },
  "seller/kenh-nguoi-ban.san-pham._index": { who: SELLER },
  "seller/kenh-nguoi-ban.san-pham.moi": { who: SELLER },
  "seller/kenh-nguoi-ban.san-tmdt": { who: SELLER },
  "seller/kenh-nguoi-ban.san-tmdt._index": { who: SELLER },
  "seller/kenh-nguoi-ban.san-tmdt.gia-ton-kho": { who: SELLER },
  "seller/kenh-nguoi-ban.san-tmdt.ket-noi.$code": { who: SELLER, params: market },
  "seller/kenh-nguoi-ban.san-tmdt.tien-do.$batchId": { who: SELLER, params: () => ({ batchId: "999999" }), ownStatus: 404 },
  "seller/kenh-nguoi-ban.san-tmdt.xuat.$code": { who: SELLER, params: () => ({ code: "postmart" }) }, // a marketplace fed by file
  "seller/kenh-nguoi-ban.san-tmdt.xuat.$code.tai-ve": { who: SELLER, params: () => ({ code: "postmart" }) }, // its download (a POST; GET goes back to the page)

  "seller/kenh-nguoi-ban.thanh-vien": { who: SELLER },

  "officials/layout": { who: VERIFIERS },
  "officials/can-bo.chuyen-khoan": { who: VERIFIERS },
  "officials/can-bo.so-bo-ocop.$importId": { who: VERIFIERS, scope: "province", params: (w, side) => ({ importId: String(w.registryImports[side]) }) },
  "officials/can-bo.doi-chieu._index": { who: VERIFIERS },
  "officials/can-bo.so-bo-ocop._index": { who: VERIFIERS },
  "officials/can-bo.so-bo-ocop.tai-ve": { who: VERIFIERS },
  "officials/can-bo.so-bo-ocop.tien-do": { who: VERIFIERS },
  "officials/can-bo.xac-minh.$id": { who: VERIFIERS, scope: "province", params: (w, side) => ({ id: String(w.producers[side]) }) },
  "officials/can-bo.xac-minh._index": { who: VERIFIERS },

  "indicators/chi-so.$province": { who: INDICATORS, scope: "province", params: province },
  "indicators/chi-so.$province._index": { who: INDICATORS, scope: "province", params: province },
  "indicators/chi-so.$province.bao-cao": { who: INDICATORS, scope: "province", params: province },
  "indicators/chi-so.$province.chua-len-san": { who: INDICATORS, scope: "province", params: province },
  "indicators/chi-so.$province.so-sanh": { who: INDICATORS, scope: "province", params: province },
  "indicators/chi-so.$province.xuat": { who: INDICATORS, scope: "province", params: province, ownStatus: 400 }, // needs ?dang=…
  "indicators/chi-so._index": { who: INDICATORS },

  "admin/layout": { who: ADMIN },
  "admin/quan-tri.chi-tieu": { who: ADMIN },
  "admin/quan-tri.hop-thu": { who: ADMIN },
  "admin/quan-tri.san-tmdt": { who: ADMIN },

  "api/api.chi-so.$province": { who: INDICATORS, scope: "province", params: province },
  "api/api.chi-so.schema[.]json": { who: "public" },
  "api/api.momo.ipn": { who: "public" },
  "api/api.stripe.webhook": { who: "public" },
  // A producer's SePay link: an unknown link id answers 404; the fuzz test sends its input to this one.
  "api/api.ngan-hang.sepay.$linkId": { who: "public", params: () => ({ linkId: "khongcolienketnaydau" }) },
  "api/api.vnpay.ipn": { who: "public" },
  "api/healthz": { who: "public" },
};

/** Route modules without a rule, and rules without a route module: both must be empty. */
export function unmatched(modules: Record<string, unknown>, rules: Record<string, Rule>): { withoutRule: string[]; withoutModule: string[] } {
  return {
    withoutRule: Object.keys(modules).filter((id) => !(id in rules)).sort(),
    withoutModule: Object.keys(rules).filter((id) => !(id in modules)).sort(),
  };
}

/** The URL of a route id with its params filled in (Remix's flat-routes file naming). */
export function urlOf(routeId: string, params: Record<string, string>): string {
  const file = routeId.split("/").pop()!;
  if (file === "layout") return "/";
  const segments = file
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s === "$" ? params["*"]! : s.startsWith("$") ? params[s.slice(1)]! : s));
  return `/${segments.map(encodeURIComponent).join("/")}`;
}

export function allowed(rule: Rule, actor: Actor): boolean {
  if (rule.who === "public") return true;
  if (rule.who === "signed-in") return actor !== "anonymous";
  return rule.who.includes(actor);
}

/** Whether the actor may see this side of a scoped route (being allowed on the route at all). */
export function inScope(rule: Rule, actor: Actor, side: Side): boolean {
  switch (rule.scope) {
    case undefined:
      return true;
    case "buyer":
      return actor === "shopper" && side === "own";
    case "producer":
      return side === "own";
    case "province":
      if (actor === "official") return side === "own";
      if (actor === "official_b") return side === "other";
      return true;
  }
}
