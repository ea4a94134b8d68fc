// Registry imports as versions: each keeps its effective date and what it changed, the official
// sees the list, and a correction imported later changes the registry from its effective date
// only: months before it keep the terms the council had published then.
import { beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "~/imports/csv";
import { db } from "~/db.server";
import { registrySnapshots } from "~/indicators/registry-cache.server";
import { action as previewAction, loader as registryLoader } from "~/routes/officials/can-bo.so-bo-ocop._index";
import { action as importAction } from "~/routes/officials/can-bo.so-bo-ocop.$importId";
import { call, dataOf, get, makeUser, post, provinceId, statusOf } from "../../scripts/fixtures/workspace";

const HEADER = ["STT", "Tên chủ thể", "Mã số thuế", "Loại hình", "Tên sản phẩm", "Nhóm sản phẩm", "Hạng sao", "Số quyết định", "Ngày quyết định", "Tỉnh"];
const row = (n: number, product: string, stars: number, decision: string) => [
  String(n), "HTX Sen Tháp Mười", "1400999999", "HTX", product, "Thực phẩm", String(stars), decision, "20/05/2025", "Đồng Tháp",
];

let official: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  official = await makeUser("official", { province: "dong-thap" });
});

async function importRegistry(rows: string[][], effectiveFrom: string): Promise<number> {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(toCsv([HEADER, ...rows]))], `so-bo-${effectiveFrom}.csv`));
  const preview = (await call(previewAction, post("/can-bo/so-bo-ocop", form, { cookie: official.cookie }))) as Response;
  const importId = preview.headers.get("Location")!.split("/").pop()!;
  const done = await call(importAction, post(`/can-bo/so-bo-ocop/${importId}`, { intent: "valid_only", hieu_luc: effectiveFrom }, { cookie: official.cookie }), { importId });
  expect([statusOf(done), statusOf(done) === 302 ? null : dataOf(done)]).toEqual([302, null]);
  return Number(importId);
}

const starsOn = (day: string) =>
  Object.fromEntries(
    registrySnapshots(provinceId("dong-thap"), [day])[0]!.rows.filter((r) => r.stars !== null).map((r) => [r.decisionNumbers[0], r.stars]),
  );

describe("registry imports as versions", () => {
  let first: number;
  let second: number;

  it("a first import adds its entries from its effective date", async () => {
    first = await importRegistry([row(1, "Trà tim sen", 3, "1201/QĐ-UBND"), row(2, "Hạt sen sấy", 3, "1202/QĐ-UBND")], "2026-01-01");
    expect(starsOn("2025-12-31")).toEqual({});
    expect(starsOn("2026-01-01")).toEqual({ "1201/QĐ-UBND": 3, "1202/QĐ-UBND": 3 });
  });

  it("a correction imported later changes the entry from its date only; earlier months keep the old terms", async () => {
    second = await importRegistry([row(1, "Trà tim sen", 4, "1201/QĐ-UBND"), row(2, "Hạt sen sấy", 3, "1202/QĐ-UBND"), row(3, "Sen sấy giòn", 3, "1203/QĐ-UBND")], "2026-10-01");
    expect(starsOn("2026-09-30")).toEqual({ "1201/QĐ-UBND": 3, "1202/QĐ-UBND": 3 });
    expect(starsOn("2026-10-01")).toEqual({ "1201/QĐ-UBND": 4, "1202/QĐ-UBND": 3, "1203/QĐ-UBND": 3 });
    // The entry is counted once a day, whichever version: two registry products in September, three in October.
    expect(registrySnapshots(provinceId("dong-thap"), ["2026-09-30", "2026-10-01"]).map((s) => [s.entries, s.products])).toEqual([[2, 2], [3, 3]]);
  });

  it("keeps each import's effective date and what it changed, and the official sees the list", async () => {
    const changes = db()
      .$client.prepare(`SELECT import_id AS importId, change, effective_from AS effectiveFrom, before FROM ocop_registry_changes ORDER BY id`)
      .all() as { importId: number; change: string; effectiveFrom: string; before: string | null }[];
    expect(changes.map((c) => [c.importId, c.change, c.effectiveFrom])).toEqual([
      [first, "added", "2026-01-01"],
      [first, "added", "2026-01-01"],
      [second, "changed", "2026-10-01"],
      [second, "added", "2026-10-01"],
    ]);
    expect(JSON.parse(changes[2]!.before!)).toMatchObject({ stars: 3, productName: "Trà tim sen" });
    const page = dataOf<{ versions: Record<number, object> }>(await call(registryLoader, get("/can-bo/so-bo-ocop", official.cookie)));
    expect(page.versions).toEqual({
      [first]: { importId: first, effectiveFrom: "2026-01-01", added: 2, changed: 0, unchanged: 0 },
      [second]: { importId: second, effectiveFrom: "2026-10-01", added: 1, changed: 1, unchanged: 1 },
    });
    // Another province's official sees none of them.
    const other = await makeUser("official", { province: "vinh-long" });
    expect(dataOf<{ versions: object }>(await call(registryLoader, get("/can-bo/so-bo-ocop", other.cookie))).versions).toEqual({});
  });
});
