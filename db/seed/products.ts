// Products of each producer, drawn from the templates its place is known for, and their
// certificates: OCOP (3-5 stars, 36 months, naming the province of the day, which may be a
// former one) and VietGAP / GlobalGAP / organic for farm produce.
import { eligibleTemplates, TEMPLATES_BY_CATEGORY, type ProductTemplate } from "./catalog";
import { describe } from "./descriptions";
import type { CertRow, ProducerRow, ProductRow, Reference } from "./model";
import { Rng } from "./random";
import { DAY_MS, SlugPool, addDays, addMonths, localDay, seedNow } from "./text";

/** The day provinces merged (Resolution 202/2025/QH15): certificates before it name the old province. */
export const MERGER_DAY = "2025-07-01";
/** The agriculture ministry was renamed on 1 March 2025. */
const MINISTRY_RENAMED = "2025-03-01";

export function generateProducts(ref: Reference, producers: ProducerRow[], opts: { today: string }): ProductRow[] {
  const now = seedNow(opts.today);
  const earliest = now - 25 * 30 * DAY_MS;
  const slugs = new SlugPool();
  const products: ProductRow[] = [];
  for (const producer of producers) {
    const rng = new Rng(`products:${producer.id}`);
    const used = new Set<ProductTemplate>();
    const uses = new Map<ProductTemplate, number>();
    const names = new Set<string>();
    const from = Math.max(earliest, producer.createdAt + DAY_MS);
    for (let k = 0; k < producer.productCount; k++) {
      const category = k < producer.focus.length ? producer.focus[k]! : rng.weighted(producer.focus.map((c, i) => [c, i === 0 ? 3 : 1] as const));
      let options = eligibleTemplates(category, producer.commune);
      if (options.length === 0) options = (TEMPLATES_BY_CATEGORY.get(category) ?? []).filter((t) => t.areas.length === 0).map((t) => [t, 1]);
      const fresh = options.filter(([t]) => !used.has(t));
      const template = rng.weighted(fresh.length > 0 ? fresh : options);
      const pack = rng.pick(template.packs);
      const place = rng.chance(0.6) ? producer.commune.shortName : ref.provinces.get(producer.commune.formerSlug)!.name;
      let name = template.name.replace("{place}", place);
      // A second product from one template is another pack or another design.
      const again = (uses.get(template) ?? 0) + 1;
      uses.set(template, again);
      if (again > 1) name = /\d/.test(pack[0]) ? `${name} ${pack[0]}` : `${name} - ${tourismWord(template)} ${again}`;
      for (let n = 2; names.has(name); n++) name = `${name.replace(/ - (mẫu|gói) \d+$/, "")} - ${tourismWord(template)} ${n}`;
      names.add(name);
      used.add(template);
      const cat = ref.categories.get(template.category)!;
      const status =
        producer.status === "verified"
          ? rng.weighted([["active", 86], ["draft", 8], ["archived", 6]] as const)
          : producer.status === "suspended"
            ? "archived"
            : "draft";
      // The producer's first product dates back with it, so the oldest orders have something to buy.
      const drawn = k === 0 ? from + rng.int(0, 3) * DAY_MS : from + Math.floor(rng.next() * Math.max(DAY_MS, now - DAY_MS - from));
      const createdAt = Math.min(drawn, now - 3_600_000);
      const price = Math.round(pack[2] + rng.next() * (pack[3] - pack[2])) * 1000;
      const tourism = cat.group === "tourism";
      products.push({
        id: products.length + 1,
        producer,
        slug: slugs.take(name),
        name,
        description: describe(rng, template.category, { name, producer: producer.name, place: producer.commune.shortName, province: producer.province.name }),
        group: cat.group,
        category: cat,
        unit: pack[0],
        weightGrams: pack[1] === null || rng.chance(0.04) ? null : pack[1],
        price,
        stock: tourism ? rng.int(10, 60) : rng.chance(0.08) ? 0 : rng.weighted([[rng.int(5, 40), 3], [rng.int(40, 200), 4], [rng.int(200, 800), 1]] as const),
        status,
        createdAt,
        updatedAt: Math.min(now, createdAt + Math.floor(rng.next() * 120) * DAY_MS),
        hasOcop: false,
      });
    }
  }
  return products;
}

/** What tells two products of one template apart: a design, or for tourism a package. */
const tourismWord = (t: ProductTemplate) => (t.category === "du-lich-cong-dong" ? "gói" : "mẫu");

const GAP_CATEGORIES = new Set(["trai-cay", "gao-ngu-coc", "rau-cu-nam", "tra", "ca-phe", "duoc-lieu", "mat-ong"]);
const VIETGAP_ISSUERS = [
  "Trung tâm Chứng nhận Phù hợp (QUACERT)",
  "Công ty Cổ phần Chứng nhận và Giám định VinaCert",
  "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 3 (QUATEST 3)",
  "Công ty TNHH Chứng nhận Quốc tế OneCert",
];
const GLOBALGAP_ISSUERS = ["Control Union Việt Nam", "Bureau Veritas Certification Việt Nam"];
const ORGANIC_ISSUERS = ["Control Union Việt Nam", "Trung tâm Chứng nhận Phù hợp (QUACERT)", "Công ty Cổ phần Chứng nhận và Giám định VinaCert"];

export function generateCertifications(ref: Reference, products: ProductRow[], opts: { today: string }): CertRow[] {
  const certs: CertRow[] = [];
  const lastDay = addDays(opts.today, -3);
  const firstDay = addMonths(opts.today, -48);
  const span = (Date.parse(lastDay) - Date.parse(firstDay)) / DAY_MS;
  const nowMs = seedNow(opts.today);
  for (const product of products) {
    const rng = new Rng(`certs:${product.id}`);
    const producer = product.producer;
    const provinceOn = (day: string) => (day < MERGER_DAY ? ref.provinces.get(producer.commune.formerSlug)! : producer.province);
    const createdFor = (day: string) => Math.min(nowMs, Date.parse(`${day}T02:00:00.000Z`) + rng.int(1, 20) * DAY_MS);

    if (producer.status === "unclaimed" || rng.chance(0.88)) {
      product.hasOcop = true;
      const stars = rng.weighted([[3, 55], [4, 35], [5, 10]] as const);
      let issuedOn = addDays(firstDay, rng.int(0, span));
      // A registry entry predates the import that created the producer.
      if (producer.status === "unclaimed" && Date.parse(issuedOn) > producer.createdAt) issuedOn = addDays(localDay(producer.createdAt), -rng.int(30, 700));
      certs.push(ocopCert(rng, product.id, stars, issuedOn, provinceOn(issuedOn), createdFor(issuedOn)));
      const expiresOn = addMonths(issuedOn, 36);
      // Some expired certificates were renewed, the product re-assessed, maybe a star higher.
      if (expiresOn < opts.today && rng.chance(0.45)) {
        const renewed = addDays(expiresOn, rng.int(-45, 60));
        if (renewed <= lastDay) {
          const next = stars === 5 ? 5 : Math.min(4, stars + (rng.chance(0.3) ? 1 : 0));
          certs.push(ocopCert(rng, product.id, next, renewed, provinceOn(renewed), createdFor(renewed)));
        }
      }
    }
    if (GAP_CATEGORIES.has(product.category.slug)) {
      const kind = rng.weighted([["vietgap", 30], ["globalgap", 5], ["organic", 6], [null, 59]] as const);
      if (kind) {
        const issuedOn = addDays(addMonths(opts.today, -30), rng.int(0, 880));
        const months = kind === "globalgap" ? 12 : kind === "vietgap" ? 36 : 24;
        const province = provinceOn(issuedOn);
        certs.push({
          productId: product.id,
          kind,
          stars: null,
          number:
            kind === "vietgap"
              ? `VietGAP-TT-${rng.int(10, 29)}-${rng.digits(2)}-${province.code}-${rng.digits(4)}`
              : kind === "globalgap"
                ? `GGN 4063061${rng.digits(6)}`
                : `HC-${rng.digits(4)}/${issuedOn.slice(2, 4)}`,
          issuer: rng.pick(kind === "vietgap" ? VIETGAP_ISSUERS : kind === "globalgap" ? GLOBALGAP_ISSUERS : ORGANIC_ISSUERS),
          issuedOn: issuedOn > lastDay ? lastDay : issuedOn,
          expiresOn: addMonths(issuedOn > lastDay ? lastDay : issuedOn, months),
          issueProvinceId: province.id,
          createdAt: createdFor(issuedOn),
        });
      }
    }
  }
  return certs;
}

function ocopCert(
  rng: Rng,
  productId: number,
  stars: 3 | 4 | 5 | number,
  issuedOn: string,
  province: { id: number; name: string; kind: string },
  createdAt: number,
): CertRow {
  const national = stars === 5;
  const ministry = issuedOn < MINISTRY_RENAMED ? "Bộ Nông nghiệp và Phát triển nông thôn" : "Bộ Nông nghiệp và Môi trường";
  const issuer = national
    ? rng.chance(0.5) ? "Hội đồng OCOP Trung ương" : ministry
    : `UBND ${province.kind === "city" && !province.name.startsWith("TP") ? "thành phố" : province.name.startsWith("TP") ? "" : "tỉnh"} ${province.name}`.replace(/\s+/g, " ");
  return {
    productId,
    kind: "ocop",
    stars,
    number: national ? `${rng.int(100, 1899)}/QĐ-${issuedOn < MINISTRY_RENAMED ? "BNN-VPĐP" : "BNNMT-VPĐP"}` : `${rng.int(120, 3999)}/QĐ-UBND`,
    issuer,
    issuedOn,
    expiresOn: addMonths(issuedOn, 36),
    issueProvinceId: province.id,
    createdAt,
  };
}
