// The seller centre's "Xác nhận chuyển khoản tự động" and "Giao dịch cần đối soát" pages, the
// dashboard's link state and the officials' list, through their loaders and actions: the secret
// is shown once, every form is scoped to the producer and answers zod's message by its field.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { linkByPublicId, linkStatus, recordTest } from "~/payments/bank-links.server";
import { applyBankTransfer } from "~/payments/bank-transfers.server";
import type { BankTransfer } from "~/payments/bank-notification";
import { loader as officialsLoader } from "~/routes/officials/can-bo.chuyen-khoan";
import { loader as dashboardLoader } from "~/routes/seller/kenh-nguoi-ban._index";
import { action as linkAction, loader as linkLoader } from "~/routes/seller/kenh-nguoi-ban.chuyen-khoan._index";
import { action as reviewAction, loader as reviewLoader } from "~/routes/seller/kenh-nguoi-ban.chuyen-khoan.doi-soat";
import { bankTransfers, payments } from "#db/schema";
import { makeUser } from "../../scripts/fixtures/workspace";
import { call, dataOf, get, locationOf, post, seedShop, sessionCookie, statusOf, vietqrOrder, type Shop } from "../../scripts/fixtures/shop";

let shop: Shop;
let htx: string; // a member of HTX Tân Thuận (has a VietQR account)
let phuQuoc: string; // a member of another producer
beforeAll(async () => {
  shop = seedShop();
  htx = await sessionCookie(shop.tanThuanMember);
  phuQuoc = await sessionCookie(shop.phuQuocMember);
});

const PAGE = "/kenh-nguoi-ban/chuyen-khoan";
const REVIEW = "/kenh-nguoi-ban/chuyen-khoan/doi-soat";
type LinkResult = { errors: Record<string, string>; shown: { linkId: number; secret: string; rotated: boolean } | null };
/** What an action answered: its data(…) payload, or the plain object it returned. */
const answer = <T,>(r: unknown) => (r && typeof r === "object" && "init" in r ? dataOf<T>(r) : (r as T));
const act = async (fields: Record<string, string>, cookie = htx) => call(linkAction as never, post(PAGE, fields, cookie));

let n = 0;
const transfer = (amount: number, memo: string): BankTransfer => ({
  provider: "sepay",
  transferId: String(900000 + ++n),
  reference: `FT2633${String(n).padStart(8, "0")}`,
  amount,
  accountNumber: "0071000123456",
  memo,
  code: null,
  at: "2026-11-22T05:00:00.000Z",
  direction: "in",
});

describe("connecting SePay in the seller centre", () => {
  it("refuses a bad account number next to its field, and creates nothing", async () => {
    const r = await act({ intent: "create", account: "other", otherAccount: "12-34 ABC!", authMode: "hmac", apiToken: "" });
    expect(statusOf(r)).toBe(400);
    expect(dataOf<LinkResult>(r).errors).toEqual({ otherAccount: "bankLink.error.account" });
    const noMode = await act({ intent: "create", account: "profile", otherAccount: "", authMode: "oauth", apiToken: "" });
    expect(dataOf<LinkResult>(noMode).errors).toEqual({ authMode: "bankLink.error.authMode" });
    expect(linkStatus(shop.tanThuan)).toEqual([]);
  });

  it("shows the secret once: in the action's answer, never in the page's data", async () => {
    const r = answer<LinkResult>(await act({ intent: "create", account: "profile", otherAccount: "", authMode: "hmac", apiToken: "" }));
    expect(r.errors).toEqual({});
    const secret = r.shown!.secret;
    expect(secret.length).toBeGreaterThanOrEqual(16);
    const [link] = linkStatus(shop.tanThuan);
    expect(link).toMatchObject({ id: r.shown!.linkId, accountNumbers: ["0071000123456"], authMode: "hmac", state: "pending", hasApiToken: false });
    expect(linkByPublicId(link!.publicId)!.secret).toBe(secret);
    const page = await call(linkLoader as never, get(PAGE, htx));
    expect(JSON.stringify(page)).not.toContain(secret);
    expect(JSON.stringify(page)).toContain(link!.webhookPath);

    const rotated = answer<LinkResult>(await act({ intent: "rotate", linkId: String(link!.id) }));
    expect(rotated.shown).toMatchObject({ linkId: link!.id, rotated: true });
    expect(rotated.shown!.secret).not.toBe(secret);
    expect(linkByPublicId(link!.publicId)!.secret).toBe(rotated.shown!.secret);
  });

  it("sets and removes the API token; another producer's link is not found and stays as it was", async () => {
    const [link] = linkStatus(shop.tanThuan);
    expect(locationOf(await act({ intent: "token", linkId: String(link!.id), apiToken: "SEPAY-TOKEN-123" }))).toBe(`${PAGE}?done=token`);
    expect(linkByPublicId(link!.publicId)!.apiToken).toBe("SEPAY-TOKEN-123");
    const before = linkByPublicId(link!.publicId)!;
    expect(statusOf(await act({ intent: "rotate", linkId: String(link!.id) }, phuQuoc))).toBe(404);
    expect(statusOf(await act({ intent: "token", linkId: String(link!.id), apiToken: "" }, phuQuoc))).toBe(404);
    expect(linkByPublicId(link!.publicId)).toEqual(before);
    expect(dataOf<LinkResult>(await act({ intent: "token", linkId: String(link!.id), apiToken: "x".repeat(201) })).errors).toEqual({ apiToken: "bankLink.error.token" });
    await act({ intent: "token", linkId: String(link!.id), apiToken: "" });
    expect(linkByPublicId(link!.publicId)!.apiToken).toBeNull();
  });
});

describe("the link's state on the dashboard and for officials", () => {
  it("reads 'not connected', then the link's own state", async () => {
    const phuQuocDash = (await call(dashboardLoader as never, get("/kenh-nguoi-ban", phuQuoc))) as { transfers: { state: string | null } };
    expect(phuQuocDash.transfers.state).toBeNull();
    const dash = (await call(dashboardLoader as never, get("/kenh-nguoi-ban", htx))) as { transfers: { state: string | null; review: number } };
    expect(dash.transfers.state).toBe("pending");
    const official = await makeUser("official", { province: "dong-thap" });
    const list = (await call(officialsLoader as never, get("/can-bo/chuyen-khoan", official.cookie))) as { producers: { name: string; automatic: boolean; state: string | null }[] };
    // Phú Quốc has no VietQR account: not listed. Tân Thuận's link has proved nothing yet: by hand.
    expect(list.producers).toMatchObject([{ name: "HTX Nông nghiệp Tân Thuận", automatic: false, state: "pending" }]);
    recordTest(linkStatus(shop.tanThuan)[0]!.id);
    const after = (await call(officialsLoader as never, get("/can-bo/chuyen-khoan", official.cookie))) as typeof list;
    expect(after.producers).toMatchObject([{ name: "HTX Nông nghiệp Tân Thuận", automatic: true, state: "verified" }]);
    const other = await makeUser("official", { province: "an-giang" });
    expect(((await call(officialsLoader as never, get("/can-bo/chuyen-khoan", other.cookie))) as typeof list).producers).toEqual([]);
    expect(((await call(dashboardLoader as never, get("/kenh-nguoi-ban", htx))) as typeof dash).transfers.state).toBe("verified");
  });
});

describe("the 'cần đối soát' list", () => {
  type Review = { transfers: { id: number; memo: string; amount: number; reason: string; choices: string[] }[] };
  const review = async (cookie = htx) => (await call(reviewLoader as never, get(REVIEW, cookie))) as Review;
  const linkOf = () => {
    const [l] = linkStatus(shop.tanThuan);
    return { id: l!.id, producerId: shop.tanThuan, accountNumbers: l!.accountNumbers };
  };

  it("lists a transfer without an order code, offers the orders awaiting that amount, and one click pays it", async () => {
    const order = await vietqrOrder(shop, 2);
    const other = await vietqrOrder(shop, 3);
    expect(applyBankTransfer(linkOf(), transfer(order.total, "CHUYEN TIEN MUA XOAI"), "webhook")).toMatchObject({ kind: "review", reason: "no_code" });
    const listed = (await review()).transfers;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ memo: "CHUYEN TIEN MUA XOAI", amount: order.total, reason: "no_code", choices: [order.code] });
    expect(listed[0]!.choices).not.toContain(other.code);
    // Nobody else sees it, nor can match it.
    expect((await review(phuQuoc)).transfers).toEqual([]);
    const foreign = await call(reviewAction as never, post(REVIEW, { intent: "match", transferId: String(listed[0]!.id), orderCode: order.code }, phuQuoc));
    expect(dataOf<{ errors: object }>(foreign).errors).toEqual({ form: "review.error.transfer" });

    const done = await call(reviewAction as never, post(REVIEW, { intent: "match", transferId: String(listed[0]!.id), orderCode: order.code }, htx));
    expect(locationOf(done)).toBe(`${REVIEW}?done=matched&code=${order.code}`);
    expect(db().select().from(payments).where(eq(payments.orderId, order.id)).get()!.status).toBe("paid");
    expect((await review()).transfers).toEqual([]);
  });

  it("answers a mistyped or unknown order code next to the field", async () => {
    const order = await vietqrOrder(shop, 1);
    applyBankTransfer(linkOf(), transfer(order.total + 5000, `${order.code} CHUYEN THUA`), "webhook");
    const [row] = (await review()).transfers;
    expect(row).toMatchObject({ reason: "wrong_amount", choices: [order.code] });
    const typo = await call(reviewAction as never, post(REVIEW, { intent: "match", transferId: String(row!.id), orderCode: "ĐƠN 12" }, htx));
    expect(statusOf(typo)).toBe(400);
    expect(dataOf<{ errors: object }>(typo).errors).toEqual({ orderCode: "review.error.order" });
    const unknown = await call(reviewAction as never, post(REVIEW, { intent: "match", transferId: String(row!.id), orderCode: "OC2611220099999" }, htx));
    expect(dataOf<{ errors: object }>(unknown).errors).toEqual({ orderCode: "review.error.orderNotFound" });
    expect(db().select().from(bankTransfers).where(eq(bankTransfers.id, row!.id)).get()!.outcome).toBe("review");
  });

  it("'Bỏ qua' takes it off the list, once", async () => {
    const [row] = (await review()).transfers;
    const body = { intent: "dismiss", transferId: String(row!.id) };
    expect(statusOf(await call(reviewAction as never, post(REVIEW, body, phuQuoc)))).toBe(409);
    expect(locationOf(await call(reviewAction as never, post(REVIEW, body, htx)))).toBe(`${REVIEW}?done=dismissed`);
    expect(db().select().from(bankTransfers).where(eq(bankTransfers.id, row!.id)).get()!.outcome).toBe("dismissed");
    expect(dataOf<{ errors: object }>(await call(reviewAction as never, post(REVIEW, body, htx))).errors).toEqual({ form: "review.error.transfer" });
    const dash = (await call(dashboardLoader as never, get("/kenh-nguoi-ban", htx))) as { transfers: { review: number } };
    expect(dash.transfers.review).toBe(0);
  });
});
