// Logins: one per role for the demo (all with DEMO_PASSWORD), officials of the demo
// provinces, a member for every producer that has signed up, and ~40 shoppers.
import type { Role } from "../schema";
import type { ProducerRow, Reference } from "./model";
import { personName } from "./names";
import { DEMO_PROVINCES } from "./places";
import { Rng } from "./random";
import { DAY_MS, foldVietnamese, phoneNumber, seedNow } from "./text";

export const DEMO_PASSWORD = "ocop-demo-2026";

export type DemoLogin = {
  email: string;
  password: string;
  role: Role;
  name: string;
  /** Province slug an official is scoped to. */
  province?: string;
  /** Slug of the producer a producer member manages. */
  producer?: string;
  /** What this login sees, for the README and the demo script. */
  sees: string;
};

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: "admin@ocop.vn", password: DEMO_PASSWORD, role: "admin", name: "Quản trị hệ thống", sees: "Everything: verifies producers, edits reference data and targets, all provinces' indicators." },
  { email: "canbo.dongthap@ocop.vn", password: DEMO_PASSWORD, role: "official", name: "Cán bộ Sở Công Thương Đồng Tháp", province: "dong-thap", sees: "Đồng Tháp only: its producers (incl. unclaimed ones from the registry), verification queue, indicators against the province's targets." },
  { email: "canbo.trunguong@ocop.vn", password: DEMO_PASSWORD, role: "national_official", name: "Cán bộ Văn phòng Điều phối OCOP Trung ương", sees: "Read-only indicators for all 34 provinces, compared side by side." },
  { email: "htx@ocop.vn", password: DEMO_PASSWORD, role: "producer", name: "Nguyễn Thị Thu Hà", producer: "htx-nong-nghiep-tan-thuan", sees: "HTX Nông nghiệp Tân Thuận (Đồng Tháp), the producer with the most products: its catalogue, certificates, marketplace listings and orders." },
  { email: "khach@ocop.vn", password: DEMO_PASSWORD, role: "shopper", name: "Trần Minh Khách", sees: "The storefront, a cart, checkout and their own order history." },
];

export type UserRow = {
  id: number;
  email: string;
  name: string;
  phone: string;
  role: Role;
  provinceId: number | null;
  producerId: number | null;
  locale: "vi" | "en";
  createdAt: number;
  /** Which hash it gets: its own (demo logins) or the one shared by the rest. */
  hash: "demo" | "shared";
};

export const SHOPPER_COUNT = 40;

/** Users that exist before producers (no producer_id): admin, officials, shoppers. */
export function buildStaffAndShoppers(ref: Reference, opts: { today: string }): UserRow[] {
  const rng = new Rng("users");
  const now = seedNow(opts.today);
  const start = now - 800 * DAY_MS;
  const users: UserRow[] = [];
  const add = (u: Omit<UserRow, "id">) => users.push({ id: users.length + 1, ...u });
  const demo = (email: string) => DEMO_LOGINS.find((d) => d.email === email)!;

  add({ email: "admin@ocop.vn", name: demo("admin@ocop.vn").name, phone: "", role: "admin", provinceId: null, producerId: null, locale: "vi", createdAt: start, hash: "demo" });
  add({ email: "canbo.trunguong@ocop.vn", name: demo("canbo.trunguong@ocop.vn").name, phone: "", role: "national_official", provinceId: null, producerId: null, locale: "vi", createdAt: start + DAY_MS, hash: "demo" });
  for (const { slug } of DEMO_PROVINCES) {
    const province = ref.provinces.get(slug)!;
    const email = `canbo.${slug.replace(/-/g, "")}@ocop.vn`;
    const isDemo = DEMO_LOGINS.some((d) => d.email === email);
    add({
      email,
      name: isDemo ? demo(email).name : `Cán bộ Sở Công Thương ${province.name}`,
      phone: phoneNumber(rng),
      role: "official",
      provinceId: province.id,
      producerId: null,
      locale: "vi",
      createdAt: start + 2 * DAY_MS,
      hash: isDemo ? "demo" : "shared",
    });
  }
  add({ email: "khach@ocop.vn", name: demo("khach@ocop.vn").name, phone: phoneNumber(rng), role: "shopper", provinceId: null, producerId: null, locale: "vi", createdAt: start + 30 * DAY_MS, hash: "demo" });
  const taken = new Set(users.map((u) => u.email));
  for (let i = 0; i < SHOPPER_COUNT; i++) {
    const person = personName(rng);
    const local = foldVietnamese(`${person.given}.${person.family}`).toLowerCase().replace(/[^a-z.]/g, "");
    let email = `${local}${rng.int(70, 99)}@example.com`;
    while (taken.has(email)) email = `${local}${rng.int(100, 999)}@example.com`;
    taken.add(email);
    add({
      email,
      name: person.name,
      phone: phoneNumber(rng),
      role: "shopper",
      provinceId: null,
      producerId: null,
      locale: rng.chance(0.1) ? "en" : "vi",
      createdAt: start + rng.int(30, 780) * DAY_MS + rng.int(0, 86_399) * 1000,
      hash: "shared",
    });
  }
  return users;
}

/** One member per producer that has signed up (unclaimed producers have none). */
export function buildProducerMembers(producers: ProducerRow[], firstId: number): UserRow[] {
  const members: UserRow[] = [];
  const taken = new Set<string>();
  for (const p of producers) {
    if (p.status === "unclaimed" || !p.email || taken.has(p.email)) continue;
    taken.add(p.email);
    const demo = DEMO_LOGINS.find((d) => d.email === p.email);
    members.push({
      id: firstId + members.length,
      email: p.email,
      name: demo?.name ?? p.contactName,
      phone: p.phone,
      role: "producer",
      provinceId: null,
      producerId: p.id,
      locale: "vi",
      createdAt: p.createdAt,
      hash: demo ? "demo" : "shared",
    });
  }
  return members;
}

/** Who verified each producer: the province's official where there is one, else the admin. */
export function assignVerifiers(producers: ProducerRow[], staff: UserRow[]): void {
  const admin = staff.find((u) => u.role === "admin")!;
  const officials = new Map(staff.filter((u) => u.role === "official").map((u) => [u.provinceId, u.id]));
  for (const p of producers) if (p.verifiedAt !== null) p.verifiedBy = officials.get(p.province.id) ?? admin.id;
}
