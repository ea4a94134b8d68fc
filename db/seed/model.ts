// The seed's in-memory rows and the reference data they point at. Generators fill these;
// writers.ts inserts them. Times are epoch ms until they are written.
import type { Db } from "../client";
import type { CommuneSeed } from "./places";
import type { ProducerKind, ProductStatus } from "../schema";

export type ProvinceRef = { id: number; slug: string; name: string; kind: "city" | "province"; code: string; isCurrent: boolean };
export type CategoryRef = { id: number; slug: string; group: string };

export type Reference = {
  provinces: Map<string, ProvinceRef>;
  /** Current provinces in id order. */
  current: ProvinceRef[];
  categories: Map<string, CategoryRef>;
  marketplaces: Map<string, number>;
  paymentChannels: Map<string, string>;
};

export function loadReference(db: Db): Reference {
  const c = db.$client;
  const provinceRows = c
    .prepare("select id, slug, name, kind, code, is_current as isCurrent from provinces order by id")
    .all() as { id: number; slug: string; name: string; kind: "city" | "province"; code: string; isCurrent: number }[];
  const provinces = new Map(provinceRows.map((p) => [p.slug, { ...p, isCurrent: p.isCurrent === 1 }]));
  const categories = new Map(
    (c.prepare("select id, slug, ocop_group as grp from categories order by id").all() as { id: number; slug: string; grp: string }[]).map(
      (r) => [r.slug, { id: r.id, slug: r.slug, group: r.grp }],
    ),
  );
  const marketplaces = new Map(
    (c.prepare("select id, code from marketplaces order by id").all() as { id: number; code: string }[]).map((r) => [r.code, r.id]),
  );
  const paymentChannels = new Map(
    (c.prepare("select code, channel from payment_methods").all() as { code: string; channel: string }[]).map((r) => [r.code, r.channel]),
  );
  return {
    provinces,
    current: [...provinces.values()].filter((p) => p.isCurrent),
    categories,
    marketplaces,
    paymentChannels,
  };
}

export type CommuneRow = CommuneSeed & { id: number; provinceSlug: string; provinceId: number; formerProvinceId: number };

export type ProducerRow = {
  id: number;
  slug: string;
  kind: ProducerKind;
  name: string;
  taxCode: string;
  province: ProvinceRef;
  commune: CommuneRow;
  address: string;
  contactName: string;
  phone: string;
  email: string;
  description: string;
  bankBin: string | null;
  bankAccountNumber: string | null;
  bankAccountName: string | null;
  status: "unclaimed" | "pending" | "verified" | "suspended";
  verifiedAt: number | null;
  verifiedBy: number | null;
  createdAt: number;
  updatedAt: number;
  focus: string[];
  /** How many products it gets. */
  productCount: number;
  /** The demo login that manages it, if any. */
  loginEmail: string | null;
  /** Relative share of orders. */
  popularity: number;
};

export type ProductRow = {
  id: number;
  producer: ProducerRow;
  slug: string;
  name: string;
  description: string;
  group: string;
  category: CategoryRef;
  unit: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  status: ProductStatus;
  createdAt: number;
  updatedAt: number;
  hasOcop: boolean;
};

export type CertRow = {
  productId: number;
  kind: "ocop" | "vietgap" | "globalgap" | "organic";
  stars: number | null;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
  issueProvinceId: number | null;
  createdAt: number;
};
