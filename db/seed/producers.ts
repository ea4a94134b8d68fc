// Producers: a hand-picked demo set concentrated in eight provinces (with the one the
// producer demo login manages), and, for larger seeds, ~1 producer per 7 extra products
// spread over all 34 current provinces.
import { BANKS } from "../reference/banks";
import type { ProducerKind } from "../schema";
import { ALL_TEMPLATES } from "./catalog";
import { describeProducer } from "./descriptions";
import type { CommuneRow, ProducerRow, ProvinceRef, Reference } from "./model";
import { producerName } from "./names";
import { COMMUNES, DEMO_PROVINCES, OTHER_DEMO_PROVINCES, STREETS, hamletsFor } from "./places";
import { push, Rng } from "./random";
import { DAY_MS, SlugPool, accountName, addMonths, localMidnight, phoneNumber, seedNow } from "./text";

const BANK_BINS = BANKS.map((b) => b.bin);

type Featured = {
  name: string;
  kind: ProducerKind;
  province: string;
  commune: string;
  focus: string[];
  products: number;
  status?: ProducerRow["status"];
  login?: string;
};

/** The producers the demo is built around; together their focus covers every category. */
export const FEATURED: Featured[] = [
  { name: "HTX Nông nghiệp Tân Thuận", kind: "cooperative", province: "dong-thap", commune: "Phường Cao Lãnh", focus: ["trai-cay", "trai-cay-say-mut", "gao-ngu-coc", "tra", "du-lich-cong-dong"], products: 18, login: "htx@ocop.vn" },
  { name: "Công ty TNHH Mật ong Bảo Lộc", kind: "company", province: "lam-dong", commune: "Phường B'Lao", focus: ["mat-ong"], products: 7 },
  { name: "Hộ kinh doanh Cơ sở Bánh pía Tư Mai", kind: "household", province: "can-tho", commune: "Xã Mỹ Xuyên", focus: ["banh-keo"], products: 5 },
  { name: "Công ty TNHH Nước mắm Hưng Thịnh Phú Quốc", kind: "company", province: "an-giang", commune: "Đặc khu Phú Quốc", focus: ["nuoc-mam-gia-vi", "ruou", "trai-cay-say-mut", "du-lich-cong-dong"], products: 9 },
  { name: "HTX Chè Shan tuyết Tà Xùa", kind: "cooperative", province: "son-la", commune: "Xã Tà Xùa", focus: ["tra"], products: 6 },
  { name: "HTX Du lịch cộng đồng Bản Áng", kind: "cooperative", province: "son-la", commune: "Phường Mộc Châu", focus: ["du-lich-cong-dong", "trai-cay-say-mut", "tho-cam-lua"], products: 5 },
  { name: "HTX Cà phê Ea Kao", kind: "cooperative", province: "dak-lak", commune: "Phường Ea Kao", focus: ["ca-phe", "mat-ong"], products: 8 },
  { name: "Công ty TNHH Kẹo dừa Mỏ Cày", kind: "company", province: "vinh-long", commune: "Xã Mỏ Cày", focus: ["banh-keo", "tinh-dau", "nuoc-giai-khat"], products: 7 },
  { name: "HTX Mây tre đan Phú Vinh", kind: "cooperative", province: "ha-noi", commune: "Xã Phú Nghĩa", focus: ["may-tre-dan"], products: 5 },
  { name: "Công ty TNHH Gốm sứ Quang Vinh Bát Tràng", kind: "company", province: "ha-noi", commune: "Xã Bát Tràng", focus: ["gom-go-my-nghe", "du-lich-cong-dong"], products: 6 },
  { name: "HTX Dệt thổ cẩm Văn Giáo", kind: "cooperative", province: "an-giang", commune: "Phường Tịnh Biên", focus: ["tho-cam-lua"], products: 4 },
  { name: "Công ty Cổ phần Chả mực Hạ Long", kind: "company", province: "quang-ninh", commune: "Phường Hạ Long", focus: ["thit-hai-san-kho", "nuoc-mam-gia-vi"], products: 6 },
  { name: "HTX Dược liệu Ba Chẽ", kind: "cooperative", province: "quang-ninh", commune: "Xã Ba Chẽ", focus: ["duoc-lieu", "tra", "ruou"], products: 6 },
  { name: "Hộ kinh doanh Cơ sở Mắm cá linh Bảy Hòa", kind: "household", province: "an-giang", commune: "Phường Châu Đốc", focus: ["nuoc-mam-gia-vi"], products: 4 },
  { name: "HTX Rau an toàn Đơn Dương", kind: "cooperative", province: "lam-dong", commune: "Xã Đơn Dương", focus: ["rau-cu-nam", "trai-cay"], products: 6 },
];

/** Statuses of the generated demo producers other than "verified", by province. */
const DEMO_STATUS: Record<string, ProducerRow["status"][]> = {
  "dong-thap": ["unclaimed", "unclaimed", "pending"],
  "vinh-long": ["unclaimed", "suspended"],
  "son-la": ["unclaimed"],
  "dak-lak": ["unclaimed", "pending"],
  "lam-dong": ["pending"],
  "ha-noi": ["pending"],
};

export function buildCommunes(ref: Reference): CommuneRow[] {
  const rows: CommuneRow[] = [];
  for (const province of ref.current) {
    for (const c of COMMUNES[province.slug] ?? []) {
      const formerProvinceId = ref.provinces.get(c.formerSlug)!.id;
      rows.push({ ...c, id: rows.length + 1, provinceSlug: province.slug, provinceId: province.id, formerProvinceId });
    }
  }
  return rows;
}

/** Categories a place is known for: its specialities weigh most, generic templates a little. */
function focusWeights(commune: CommuneRow): [string, number][] {
  const weights = new Map<string, number>();
  for (const t of ALL_TEMPLATES) {
    const local = t.areas.includes(commune.formerSlug);
    const w = t.areas.length === 0 ? 0.25 : local ? 4 : 0;
    weights.set(t.category, (weights.get(t.category) ?? 0) + w);
  }
  return [...weights.entries()].filter(([, w]) => w > 0);
}

type Plan = { province: ProvinceRef; commune: CommuneRow; status: ProducerRow["status"]; featured?: Featured; extra: boolean };

export function generateProducers(
  ref: Reference,
  communes: CommuneRow[],
  opts: { products: number; today: string },
): ProducerRow[] {
  const rng = new Rng("producers");
  const byProvince = new Map<string, CommuneRow[]>();
  for (const c of communes) push(byProvince, c.provinceSlug, c);
  const communeOf = (province: string, name?: string): CommuneRow => {
    const list = byProvince.get(province) ?? [];
    const found = name ? list.find((c) => c.name === name) : rng.pick(list);
    if (!found) throw new Error(`no commune ${name ?? "?"} in ${province}`);
    return found;
  };
  const province = (slug: string) => ref.provinces.get(slug)!;

  // 1. The demo plan: featured producers first, then generated ones per demo province.
  const plans: Plan[] = [];
  for (const f of FEATURED) plans.push({ province: province(f.province), commune: communeOf(f.province, f.commune), status: f.status ?? "verified", featured: f, extra: false });
  const slots = [...DEMO_PROVINCES, ...OTHER_DEMO_PROVINCES.map((slug) => ({ slug, producers: 1 }))];
  for (const { slug, producers } of slots) {
    const already = plans.filter((p) => p.province.slug === slug).length;
    const statuses = [...(DEMO_STATUS[slug] ?? [])];
    for (let i = already; i < producers; i++) {
      plans.push({ province: province(slug), commune: communeOf(slug), status: statuses.shift() ?? "verified", extra: false });
    }
  }
  const demoCounts = plans.map((p) => (p.featured ? p.featured.products : p.status === "unclaimed" ? rng.int(2, 4) : p.status === "pending" ? rng.int(1, 3) : rng.int(4, 9)));
  const demoTotal = demoCounts.reduce((a, b) => a + b, 0);

  // 2. Fit to the requested number of products: scale the demo's counts, or add producers.
  let counts: number[];
  if (opts.products <= demoTotal * 1.25) {
    counts = scaleCounts(demoCounts, opts.products);
  } else {
    counts = demoCounts;
    const extraProducts = opts.products - demoTotal;
    const extraProducers = Math.max(1, Math.round(extraProducts / 7));
    const xrng = new Rng("producers:extra");
    for (let i = 0; i < extraProducers; i++) {
      const p = xrng.pick(ref.current);
      const status = xrng.weighted([["verified", 88], ["pending", 4], ["unclaimed", 7], ["suspended", 1]] as const);
      plans.push({ province: p, commune: xrng.pick(byProvince.get(p.slug)!), status, extra: true });
    }
    const base = Math.floor(extraProducts / extraProducers);
    let rest = extraProducts - base * extraProducers;
    for (let i = 0; i < extraProducers; i++) counts.push(base + (rest-- > 0 ? 1 : 0));
  }

  // 3. Names, contacts, bank accounts, dates.
  const slugs = new SlugPool();
  const names = new Set(FEATURED.map((f) => f.name));
  const now = seedNow(opts.today);
  const registryImport = localMidnight(addMonths(opts.today, -7)) + 2 * 3_600_000;
  return plans.map((plan, index) => {
    const r = plan.extra ? new Rng(`producer:${index}`) : rng;
    const focus = plan.featured?.focus ?? pickFocus(r, plan.commune);
    const kind: ProducerKind =
      plan.featured?.kind ??
      (focus[0] === "du-lich-cong-dong" || focus[0] === "tho-cam-lua"
        ? r.weighted([["cooperative", 70], ["household", 30]] as const)
        : r.weighted([["cooperative", 45], ["company", 25], ["household", 30]] as const));
    // Registered names are unique: draw again, then number it.
    const trade = focus.length === 1 ? focus[0]! : "mixed";
    const draw = () => producerName(r, kind, trade, r.chance(0.7) ? plan.commune.shortName : ref.provinces.get(plan.commune.formerSlug)!.name, plan.province.slug);
    let naming = draw();
    for (let attempt = 0; attempt < 5 && !plan.featured && names.has(naming.name); attempt++) naming = draw();
    let name = plan.featured?.name ?? naming.name;
    for (let n = 2; !plan.featured && names.has(name); n++) name = `${naming.name} ${n}`;
    names.add(name);
    const slug = slugs.take(name);
    const status = plan.status;
    const created =
      status === "unclaimed"
        ? registryImport
        : status === "pending"
          ? now - r.int(2, 25) * DAY_MS - r.int(0, 86_399) * 1000
          : now - r.int(plan.featured ? 700 : 90, 760) * DAY_MS - r.int(0, 86_399) * 1000;
    const verifiedAt = status === "verified" || status === "suspended" ? created + r.int(1, 14) * DAY_MS + r.int(0, 28_800) * 1000 : null;
    const claimed = status !== "unclaimed";
    const hasBank = claimed && r.chance(0.9);
    const hamlet = r.pick(hamletsFor(plan.province.slug));
    const street = plan.commune.kind === "ward" && r.chance(0.6) ? `Số ${r.int(1, 299)} ${r.pick(STREETS)}` : hamlet;
    const email = plan.featured?.login ?? (claimed || r.chance(0.3) ? `${slug.replace(/-/g, "").slice(0, 24)}@example.com` : "");
    const founded = new Date(created).getUTCFullYear() - r.int(1, 15);
    const row: ProducerRow = {
      id: index + 1,
      slug,
      kind,
      name,
      taxCode: taxCode(plan.province.code, index),
      province: plan.province,
      commune: plan.commune,
      address: `${street}, ${plan.commune.name}, ${plan.province.name}`,
      contactName: naming.contact.name,
      phone: claimed || r.chance(0.5) ? phoneNumber(r) : "",
      email,
      description: describeProducer(r, { name, place: plan.commune.shortName, province: plan.province.name, focus, founded }),
      bankBin: hasBank ? r.pick(BANK_BINS) : null,
      bankAccountNumber: hasBank ? `${r.int(1, 9)}${r.digits(r.int(9, 12))}` : null,
      bankAccountName: hasBank ? accountName(kind === "household" ? naming.contact.name : name) : null,
      status,
      verifiedAt,
      verifiedBy: null,
      createdAt: created,
      updatedAt: Math.max(created, verifiedAt ?? 0) + r.int(0, 20) * DAY_MS,
      focus,
      productCount: counts[index] ?? 0,
      loginEmail: plan.featured?.login ?? null,
      popularity: plan.featured ? 3 : 0.3 + r.next() * 1.7,
    };
    row.updatedAt = Math.min(row.updatedAt, now);
    return row;
  });
}

function pickFocus(rng: Rng, commune: CommuneRow): string[] {
  const weights = focusWeights(commune);
  const first = rng.weighted(weights);
  if (rng.chance(0.6)) return [first];
  const second = rng.weighted(weights.filter(([c]) => c !== first));
  return [first, second];
}

/** Scales planned counts to a total, keeping at least one product per producer while possible. */
export function scaleCounts(counts: number[], total: number): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  const out = counts.map((c) => Math.floor((c * total) / sum));
  if (total >= counts.length) for (let i = 0; i < out.length; i++) out[i] = Math.max(1, out[i]!);
  let diff = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0 && i < out.length * 4; i++) {
    const k = i % out.length;
    if (diff > 0) {
      out[k]!++;
      diff--;
    } else if (out[k]! > 1 || (total < counts.length && out[k]! > 0)) {
      out[k]!--;
      diff++;
    }
  }
  return out;
}

/** 10 digits: the province code, then 8 digits unique per producer (48271 is coprime to 10^8). */
function taxCode(provinceCode: string, index: number): string {
  return `${provinceCode.padStart(2, "0")}${String(((index + 1) * 48_271 + 10_000_019) % 100_000_000).padStart(8, "0")}`;
}
