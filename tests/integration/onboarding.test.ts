import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "~/imports/csv";
import { getImport } from "~/imports/imports.server";
import { db } from "~/db.server";
import { action as profileAction, loader as profileLoader } from "~/routes/seller/kenh-nguoi-ban.ho-so";
import { action as membersAction, loader as membersLoader } from "~/routes/seller/kenh-nguoi-ban.thanh-vien";
import { action as acceptAction, loader as acceptLoader } from "~/routes/storefront/moi.$token";
import { action as registryPreviewAction, loader as registryLoader } from "~/routes/officials/can-bo.so-bo-ocop._index";
import { action as registryImportAction, loader as registryImportLoader } from "~/routes/officials/can-bo.so-bo-ocop.$importId";
import { loader as queueLoader } from "~/routes/officials/can-bo.xac-minh._index";
import { action as verifyAction, loader as caseLoader } from "~/routes/officials/can-bo.xac-minh.$id";
import { communes, emailOutbox, ocopRegistryEntries, producerInvitations, producers, products, users } from "#db/schema";
import { call, dataOf, get, makeProducer, makeProduct, makeUser, post, provinceId, statusOf } from "../../scripts/fixtures/workspace";

const REGISTRY_HEADER = ["STT", "Tên chủ thể", "Mã số thuế", "Loại hình", "Tên sản phẩm", "Nhóm sản phẩm", "Hạng sao", "Số quyết định", "Ngày quyết định", "Tỉnh"];

let official: Awaited<ReturnType<typeof makeUser>>;
let otherOfficial: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let existing: Awaited<ReturnType<typeof makeProducer>>;
let vinhLong: Awaited<ReturnType<typeof makeProducer>>;

beforeAll(async () => {
  official = await makeUser("official", { province: "dong-thap" });
  otherOfficial = await makeUser("official", { province: "vinh-long" });
  admin = await makeUser("admin");
  existing = await makeProducer("HTX Xoài Cao Lãnh", { taxCode: "1400111111" });
  const mango = makeProduct(existing.producerId, "Xoài cát chu Cao Lãnh", { status: "active" });
  // Its OCOP decision, typed with other spaces and case than the registry's "88/QĐ-UBND".
  db().$client
    .prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', 4, '88 / qđ-ubnd', 'UBND', '2024-01-10', '2027-01-09')`)
    .run(mango);
  vinhLong = await makeProducer("HTX Dừa Bến Tre", { province: "vinh-long", taxCode: "1300222222" });
});

const registryFile = () =>
  toCsv([
    ["DANH SÁCH SẢN PHẨM OCOP TỈNH ĐỒNG THÁP NĂM 2025"],
    [],
    REGISTRY_HEADER,
    ["1", "HTX Sen Tháp Mười", "1400999999", "HTX", "Trà tim sen Tháp Mười", "Đồ uống", "4", "1201/QĐ-UBND", "20/05/2025", "Đồng Tháp"],
    ["2", "HTX Sen Tháp Mười", "1400999999", "HTX", "Hạt sen sấy", "Thực phẩm", "3", "1201/QĐ-UBND", "20/05/2025", ""],
    ["3", "HTX Xoài Cao Lãnh", "1400111111", "HTX", "XOÀI CÁT CHU CAO LÃNH", "Thực phẩm", "4", "88/QĐ-UBND", "10/01/2024", "Đồng Tháp"],
    ["4", "Cơ sở Bánh phồng Cái Bè", "1200333333", "", "Bánh phồng tôm Cái Bè", "Thực phẩm", "3", "301/QĐ-UBND", "02/03/2023", "Tiền Giang"],
    ["5", "HTX Dừa Bến Tre", "1300222222", "HTX", "Kẹo dừa", "Thực phẩm", "4", "55/QĐ-UBND", "01/01/2025", "Đồng Tháp"],
    ["6", "HTX Chợ Lách", "1300444444", "HTX", "Bưởi da xanh", "Thực phẩm", "5", "77/QĐ-UBND", "01/01/2025", "Bến Tre"],
    ["7", "HTX Gạo", "1400555555", "HTX", "Gạo thơm", "Lương thực", "7", "99/QĐ", "31/02/2025", ""],
  ]);

describe("the province OCOP registry, claimed on verification", () => {
  let importId: number;

  it("previews the registry, naming what cannot be imported and why", async () => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(registryFile())], "so-bo-2025.csv"));
    const r = (await call(registryPreviewAction, post("/can-bo/so-bo-ocop", form, { cookie: official.cookie }))) as Response;
    importId = Number(r.headers.get("Location")!.split("/").pop());
    const { report } = getImport({ kind: "registry", provinceId: provinceId("dong-thap") }, importId)!;
    expect(report.totalRows).toBe(7);
    expect(report.errors.map((e) => `${e.line}|${e.column}|${e.message}`)).toEqual([
      "8|Mã số thuế|registry.row.otherProvince",
      "9|Tỉnh|registry.row.notYourProvince",
      "10|Nhóm sản phẩm|registry.row.group",
      "10|Hạng sao|import.row.stars",
      "10|Ngày quyết định|import.row.date",
    ]);
    expect(report.counts).toEqual({ goodRows: 4, newProducers: 2, knownProducers: 1 });
    // Another province's official cannot open it or import it.
    expect(statusOf(await call(registryImportLoader, get(`/can-bo/so-bo-ocop/${importId}`, otherOfficial.cookie), { importId: String(importId) }))).toBe(404);
    expect(statusOf(await call(registryImportAction, post(`/can-bo/so-bo-ocop/${importId}`, { intent: "valid_only" }, { cookie: otherOfficial.cookie }), { importId: String(importId) }))).toBe(404);
  });

  it("imports the good rows: unclaimed producers for those who have not joined, drafts, certificates, registry entries", async () => {
    const r = await call(registryImportAction, post(`/can-bo/so-bo-ocop/${importId}`, { intent: "valid_only" }, { cookie: official.cookie }), { importId: String(importId) });
    expect(statusOf(r)).toBe(302);
    const sen = db().select().from(producers).where(eq(producers.taxCode, "1400999999")).get()!;
    expect(sen).toMatchObject({ status: "unclaimed", name: "HTX Sen Tháp Mười", kind: "cooperative", provinceId: provinceId("dong-thap") });
    const senProducts = db().select().from(products).where(eq(products.producerId, sen.id)).all();
    expect(senProducts.map((p) => [p.name, p.status, p.visible, p.ocopGroup]).sort()).toEqual([
      ["Hạt sen sấy", "draft", false, "food"],
      ["Trà tim sen Tháp Mười", "draft", false, "beverage"],
    ]);
    expect(db().select().from(producers).where(eq(producers.taxCode, "1200333333")).get()).toMatchObject({ status: "unclaimed", kind: "household" });
    // The existing producer's product was matched by its decision number (spaces and case aside), not duplicated.
    expect(db().select().from(products).where(eq(products.producerId, existing.producerId)).all()).toHaveLength(1);
    const entries = db().select().from(ocopRegistryEntries).all();
    expect(entries).toHaveLength(4);
    const summary = dataOf<{ summary: { products: number; unclaimedProducers: number; verifiedProducers: number } }>(
      await call(registryLoader, get("/can-bo/so-bo-ocop", official.cookie)),
    ).summary;
    expect(summary).toMatchObject({ products: 4, unclaimedProducers: 2, verifiedProducers: 1 });
    // Importing the same file again adds nothing.
    const form = new FormData();
    form.append("file", new File([new Uint8Array(registryFile())], "lai.csv"));
    const again = (await call(registryPreviewAction, post("/can-bo/so-bo-ocop", form, { cookie: official.cookie }))) as Response;
    const againId = again.headers.get("Location")!.split("/").pop()!;
    await call(registryImportAction, post(`/can-bo/so-bo-ocop/${againId}`, { intent: "valid_only" }, { cookie: official.cookie }), { importId: againId });
    expect(db().select().from(ocopRegistryEntries).all()).toHaveLength(4);
    expect(db().select().from(products).all()).toHaveLength(1 + 3); // the fixture product, and three from the registry
  });

  it("a producer that signs up with the same tax code claims those products when the province's official verifies it", async () => {
    const { producerId, member } = await makeProducer("HTX Sen Tháp Mười (mới)", { status: "pending", complete: false });
    const fields = {
      name: "HTX Sen Tháp Mười",
      kind: "cooperative",
      taxCode: "1400 999 999",
      province: "dong-thap",
      commune: "xã tháp mười",
      address: "Ấp 3",
      phone: "0912 000 111",
      email: "",
      description: "",
      bankBin: "970405",
      bankAccountNumber: "",
      bankAccountName: "",
    };
    // A bank account is all three fields or none.
    const partial = dataOf<{ errors: Record<string, string> }>(await call(profileAction, post("/kenh-nguoi-ban/ho-so", fields, { cookie: member!.cookie })));
    expect(partial.errors).toEqual({ bankAccountNumber: "profile.error.bankAccountNumber", bankAccountName: "profile.error.bankAccountName" });
    // A verified producer's tax code cannot be taken, nor another province's registry entry.
    const taken = dataOf<{ errors: Record<string, string> }>(
      await call(profileAction, post("/kenh-nguoi-ban/ho-so", { ...fields, bankBin: "", taxCode: "1400111111" }, { cookie: member!.cookie })),
    );
    expect(taken.errors).toEqual({ taxCode: "profile.error.taxCodeTaken" });
    const saved = await call(
      profileAction,
      post("/kenh-nguoi-ban/ho-so", { ...fields, bankAccountNumber: "0123 456 789", bankAccountName: "Htx Sen Tháp Mười" }, { cookie: member!.cookie }),
    );
    expect((saved as Response).headers.get("Location")).toBe("/kenh-nguoi-ban/ho-so?saved=claim");
    const mine = db().select().from(producers).where(eq(producers.id, producerId)).get()!;
    expect(mine).toMatchObject({ taxCode: null, bankBin: "970405", bankAccountNumber: "0123456789", bankAccountName: "HTX SEN THAP MUOI" });
    expect(db().select().from(communes).where(eq(communes.id, mine.communeId!)).get()!.name).toBe("Xã tháp mười");
    const profile = dataOf<{ profile: { claims: { products: number } } }>(await call(profileLoader, get("/kenh-nguoi-ban/ho-so", member!.cookie))).profile;
    expect(profile.claims).toMatchObject({ products: 2 });

    // The queue: this province's official sees it; the other province's does not, and cannot act on it.
    const queue = (cookie: string) => dataOf<{ queue: { id: number }[] }>(call(queueLoader, get("/can-bo/xac-minh", cookie)) as never);
    expect((await queue(official.cookie)).queue.map((q) => q.id)).toContain(producerId);
    expect((await queue(otherOfficial.cookie)).queue.map((q) => q.id)).not.toContain(producerId);
    expect((await queue(admin.cookie)).queue.map((q) => q.id)).toContain(producerId);
    expect(statusOf(await call(caseLoader, get(`/can-bo/xac-minh/${producerId}`, otherOfficial.cookie), { id: String(producerId) }))).toBe(404);
    expect(statusOf(await call(verifyAction, post(`/can-bo/xac-minh/${producerId}`, { intent: "verify" }, { cookie: otherOfficial.cookie }), { id: String(producerId) }))).toBe(404);
    expect(statusOf(await call(verifyAction, post(`/can-bo/xac-minh/${producerId}`, { intent: "verify" }, { cookie: official.cookie, csrf: null }), { id: String(producerId) }))).toBe(403);
    expect(db().select().from(producers).where(eq(producers.id, producerId)).get()!.status).toBe("pending");

    // Before verification the sign-up already listed the tea it holds the council's decision for, and sold some:
    // a product of the same decision as a registry copy (one decision certified both sen products: the name tells them apart).
    const raw = db().$client;
    const tea = makeProduct(producerId, "Trà tim sen Tháp Mười", { status: "active" });
    raw.prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', 4, '1201/QĐ-UBND', 'UBND', '2025-05-20', '2028-05-19')`).run(tea);
    const listing = Number(raw.prepare(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = 'shopee'), 'live')`).run(tea).lastInsertRowid);
    const teaCopy = db().select().from(products).where(eq(products.name, "Trà tim sen Tháp Mười")).all().find((p) => p.id !== tea)!;

    const verified = await call(verifyAction, post(`/can-bo/xac-minh/${producerId}`, { intent: "verify" }, { cookie: official.cookie }), { id: String(producerId) });
    expect(statusOf(verified)).toBe(302);
    expect(db().select().from(producers).where(eq(producers.id, producerId)).get()).toMatchObject({ status: "verified", taxCode: "1400999999", claimsProducerId: null });
    expect(db().select().from(producers).where(eq(producers.status, "unclaimed")).all().map((p) => p.taxCode)).toEqual(["1200333333"]);
    // Merged by decision number: one tea (the claimant's, still listed), the registry's copy gone; nothing duplicated.
    const mine2 = db().select().from(products).where(eq(products.producerId, producerId)).all();
    expect(mine2.map((p) => p.name).sort()).toEqual(["Hạt sen sấy", "Trà tim sen Tháp Mười"]);
    expect(mine2.find((p) => p.name.startsWith("Trà"))!.id).toBe(tea);
    expect(db().select().from(products).where(eq(products.id, teaCopy.id)).get()).toBeUndefined();
    const entries = db().select().from(ocopRegistryEntries).where(eq(ocopRegistryEntries.producerId, producerId)).all();
    expect(entries.map((e) => e.productId).sort()).toEqual([tea, mine2.find((p) => p.name === "Hạt sen sấy")!.id].sort());
    expect(raw.prepare(`SELECT product_id AS productId FROM listings WHERE id = ?`).get(listing)).toEqual({ productId: tea });
    expect(raw.prepare(`SELECT count(*) AS n FROM certifications WHERE product_id = ? AND kind = 'ocop'`).get(tea)).toEqual({ n: 1 });
    expect(db().select().from(emailOutbox).where(eq(emailOutbox.kind, "producer_verified")).all().map((e) => e.toAddress)).toContain(member!.email);
  });

  it("refuses to verify an incomplete profile", async () => {
    const { producerId } = await makeProducer("Hộ Thiếu Hồ Sơ", { status: "pending", complete: false });
    const r = await call(verifyAction, post(`/can-bo/xac-minh/${producerId}`, { intent: "verify" }, { cookie: admin.cookie }), { id: String(producerId) });
    expect(dataOf<{ errors: { form: string } }>(r).errors.form).toBe("verify.error.incomplete");
    expect(db().select().from(producers).where(eq(producers.id, producerId)).get()!.status).toBe("pending");
  });
});

describe("member invitations", () => {
  it("e-mails a link; the invitee sets a password and joins that producer, once", async () => {
    const r = dataOf<{ link: string }>(await call(membersAction, post("/kenh-nguoi-ban/thanh-vien", { intent: "invite", email: "Chi.Lan@Example.vn" }, { cookie: existing.member!.cookie })));
    expect(r.link).toMatch(/\/moi\/[A-Za-z0-9_-]{43}$/);
    const mail = db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, "chi.lan@example.vn")).get()!;
    expect(mail.bodyText).toContain(r.link);
    expect(mail.subject).toContain("HTX Xoài Cao Lãnh");
    const token = r.link.split("/").pop()!;
    expect(dataOf<{ invitation: { state: string } }>(await call(acceptLoader, get(`/moi/${token}`), { token })).invitation.state).toBe("valid");

    const accepted = (await call(acceptAction, post(`/moi/${token}`, { name: "Trần Thị Lan", phone: "0903 123 456", password: "mat-khau-rat-dai" }), { token })) as Response;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Set-Cookie")).toMatch(/^ocop_session=/);
    expect(db().select().from(users).where(eq(users.email, "chi.lan@example.vn")).get()).toMatchObject({ role: "producer", producerId: existing.producerId });
    const again = await call(acceptAction, post(`/moi/${token}`, { name: "Kẻ khác", phone: "0903 123 456", password: "mat-khau-rat-dai" }), { token });
    expect(dataOf<{ errors: { form: string } }>(again).errors.form).toBe("invite.used");
    const members = dataOf<{ members: { email: string }[] }>(await call(membersLoader, get("/kenh-nguoi-ban/thanh-vien", existing.member!.cookie)));
    expect(members.members.map((m) => m.email)).toContain("chi.lan@example.vn");
  });

  it("lets no one revoke, remove or invite across producers", async () => {
    const r = dataOf<{ link: string }>(await call(membersAction, post("/kenh-nguoi-ban/thanh-vien", { intent: "invite", email: "moi@example.vn" }, { cookie: existing.member!.cookie })));
    expect(r.link).toBeTruthy();
    const invitationId = db().select().from(producerInvitations).where(eq(producerInvitations.email, "moi@example.vn")).get()!.id;
    const revoke = await call(membersAction, post("/kenh-nguoi-ban/thanh-vien", { intent: "revoke", invitationId: String(invitationId) }, { cookie: vinhLong.member!.cookie }));
    expect(statusOf(revoke)).toBe(404);
    const remove = await call(membersAction, post("/kenh-nguoi-ban/thanh-vien", { intent: "remove", memberId: String(existing.member!.id) }, { cookie: vinhLong.member!.cookie }));
    expect(statusOf(remove)).toBe(404);
    expect(db().select().from(producerInvitations).where(eq(producerInvitations.id, invitationId)).get()!.revokedAt).toBeNull();
    expect(db().select().from(users).where(eq(users.id, existing.member!.id)).get()!.producerId).toBe(existing.producerId);
    // An e-mail that already has an account cannot be invited (one producer per account).
    const dup = dataOf<{ errors: { email: string } }>(await call(membersAction, post("/kenh-nguoi-ban/thanh-vien", { intent: "invite", email: vinhLong.member!.email }, { cookie: existing.member!.cookie })));
    expect(dup.errors.email).toBe("members.error.hasAccount");
  });
});
