// Every page's title in the reader's language (issue 13): each route module's `meta`, called as the
// root would have it for an English reader, says nothing in Vietnamese, and for a Vietnamese reader
// keeps its Vietnamese. Titles built from the data (a product's name) are called without data here,
// so only the app's own words are checked.
import { describe, expect, it } from "vitest";
import { ROUTE_MODULES } from "./route-modules";

type Meta = (args: unknown) => Array<{ title?: string }>;

/** Pages whose titles wait for their owners' changes: none now; a page listed here keeps a Vietnamese title. */
const PENDING = new Set<string>([]);

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

let metas: Array<[string, Meta]> | undefined;

async function titles(locale: "vi" | "en"): Promise<Record<string, string>> {
  metas ??= (await Promise.all(Object.entries(ROUTE_MODULES).map(async ([id, load]) => [id, ((await load()) as { meta?: Meta }).meta] as const)))
    .filter((m): m is readonly [string, Meta] => m[1] !== undefined)
    .map(([id, meta]) => [id, meta]);
  const out: Record<string, string> = {};
  for (const [routeId, meta] of metas) {
    const tags = meta({ data: undefined, params: {}, location: { pathname: "/" }, error: undefined, matches: [{ id: "root", data: { locale } }] });
    const title = tags.find((t) => t.title !== undefined)?.title;
    if (title !== undefined) out[routeId] = title;
  }
  return out;
}

describe("page titles", () => {
  it("are in English for an English reader, on every page but those listed as pending", { timeout: 120_000 }, async () => {
    const en = await titles("en");
    expect(Object.keys(en).length).toBeGreaterThan(25);
    const vietnamese = Object.entries(en)
      .filter(([, title]) => VIETNAMESE.test(title))
      .map(([id]) => id)
      .sort();
    expect(vietnamese).toEqual([...PENDING].filter((id) => id in en).sort());
    expect(en["storefront/dang-nhap"]).toBe("Log in · OCOP Connect");
    expect(en["officials/can-bo.xac-minh.$id"]).toBe("Producer file · Verify producers · OCOP Connect");
    expect(en["indicators/chi-so.$province"]).toBe("E-commerce indicators · Nationwide · OCOP Connect");
  });

  it("stay Vietnamese for a Vietnamese reader", { timeout: 120_000 }, async () => {
    const vi = await titles("vi");
    expect(vi["storefront/dang-nhap"]).toBe("Đăng nhập · OCOP Connect");
    expect(vi["seller/kenh-nguoi-ban.ho-so"]).toBe("Hồ sơ đơn vị · Kênh người bán · OCOP Connect");
    expect(vi["admin/quan-tri.hop-thu"]).toBe("Hộp thư đi · Quản trị · OCOP Connect");
  });
});
