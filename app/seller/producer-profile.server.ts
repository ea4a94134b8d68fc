// A producer's own profile, read and written by its members only: every function takes the
// producer id from the member's session, never from the URL. Also the one place that writes
// producers, whoever changes them (the end of this file): a sign-up creates a pending producer,
// the province's OCOP registry an unclaimed one, an official's verification verifies a pending
// producer and, when it claimed an unclaimed one, removes that record. The rules of when are
// the callers' (auth/accounts, registry/apply-registry, verification); the rows' are here.
import { and, eq, ne } from "drizzle-orm";
import { db, statement, type Tx } from "~/db.server";
import { slugify } from "#db/fold";
import { producers, provinces } from "#db/schema";
import type { ProducerKind } from "#db/vocabulary";
import { findOrCreateCommune } from "~/places/communes.server";
import type { ProfileInput } from "./profile-form";

export type ProducerStatus = (typeof producers.$inferSelect)["status"];

export type ProducerProfile = {
  id: number;
  slug: string;
  name: string;
  kind: ProducerKind;
  taxCode: string | null;
  provinceId: number;
  province: string;
  provinceName: string;
  commune: string | null;
  address: string;
  phone: string;
  email: string;
  description: string;
  bankBin: string | null;
  bankAccountNumber: string | null;
  bankAccountName: string | null;
  status: ProducerStatus;
  verifiedAt: string | null;
  /** The registry's unclaimed producer whose tax code this one declared: verification hands its products over. */
  claims: { id: number; name: string; taxCode: string; products: number } | null;
};

export function getProducerProfile(producerId: number): ProducerProfile | null {
  const row = statement<
    [producerId: number],
    Omit<ProducerProfile, "claims"> & { claimsId: number | null; claimsName: string; claimsTaxCode: string; claimsProducts: number }
  >(
    `SELECT pr.id, pr.slug, pr.name, pr.kind, pr.tax_code AS taxCode, pr.province_id AS provinceId, pv.slug AS province,
       pv.name AS provinceName, cm.name AS commune, pr.address, pr.phone, pr.email, pr.description,
       pr.bank_bin AS bankBin, pr.bank_account_number AS bankAccountNumber, pr.bank_account_name AS bankAccountName,
       pr.status, pr.verified_at AS verifiedAt,
       cl.id AS claimsId, cl.name AS claimsName, cl.tax_code AS claimsTaxCode,
       (SELECT count(*) FROM products WHERE producer_id = cl.id) AS claimsProducts
     FROM producers pr
     JOIN provinces pv ON pv.id = pr.province_id
     LEFT JOIN communes cm ON cm.id = pr.commune_id
     LEFT JOIN producers cl ON cl.id = pr.claims_producer_id AND cl.status = 'unclaimed'
     WHERE pr.id = ?`,
  ).get(producerId);
  if (!row) return null;
  const { claimsId, claimsName, claimsTaxCode, claimsProducts, ...profile } = row;
  return {
    ...profile,
    claims: claimsId === null ? null : { id: claimsId, name: claimsName, taxCode: claimsTaxCode, products: claimsProducts },
  };
}

/** What an official needs before verifying: the legal and contact facts. */
export type MissingFact = "taxCode" | "commune" | "address" | "phone";

export function missingForVerification(p: Pick<ProducerProfile, "taxCode" | "claims" | "commune" | "address" | "phone">): MissingFact[] {
  const missing: MissingFact[] = [];
  if (!p.taxCode && !p.claims) missing.push("taxCode");
  if (!p.commune) missing.push("commune");
  if (!p.address.trim()) missing.push("address");
  if (!p.phone) missing.push("phone");
  return missing;
}

export type SaveProfileResult =
  | { ok: true; claimed: boolean }
  | { ok: false; field: keyof ProfileInput; error: "profile.error.taxCodeTaken" | "profile.error.taxCodeOtherProvince" | "validation.province" | "profile.error.locked" };

/**
 * Saves the profile in one transaction. A tax code already held by an unclaimed producer of the
 * same province (from the OCOP registry) is not taken over here: it is recorded as a claim that
 * the official's verification completes. Once verified, the legal facts (name, type, tax code,
 * province) only change through an official.
 */
export function saveProducerProfile(producerId: number, input: ProfileInput): SaveProfileResult {
  return db().transaction((tx): SaveProfileResult => {
    const current = tx.select().from(producers).where(eq(producers.id, producerId)).get();
    if (!current) throw new Error(`producer ${producerId} not found`);
    const province = tx
      .select({ id: provinces.id })
      .from(provinces)
      .where(and(eq(provinces.slug, input.province), eq(provinces.isCurrent, true)))
      .get();
    if (!province) return { ok: false, field: "province", error: "validation.province" };

    const locked = current.status === "verified" || current.status === "suspended";
    if (locked) {
      const changed =
        input.name !== current.name ||
        input.kind !== current.kind ||
        (input.taxCode ?? null) !== current.taxCode ||
        province.id !== current.provinceId;
      if (changed) return { ok: false, field: "name", error: "profile.error.locked" };
    }

    let taxCode: string | null = input.taxCode ?? null;
    let claimsProducerId: number | null = null;
    if (taxCode && !locked) {
      const holder = tx
        .select({ id: producers.id, status: producers.status, provinceId: producers.provinceId })
        .from(producers)
        .where(and(eq(producers.taxCode, taxCode), ne(producers.id, producerId)))
        .get();
      if (holder) {
        if (holder.status !== "unclaimed") return { ok: false, field: "taxCode", error: "profile.error.taxCodeTaken" };
        if (holder.provinceId !== province.id) return { ok: false, field: "taxCode", error: "profile.error.taxCodeOtherProvince" };
        claimsProducerId = holder.id;
        taxCode = null;
      }
    }

    tx.update(producers)
      .set({
        name: input.name,
        kind: input.kind,
        taxCode: locked ? current.taxCode : taxCode,
        claimsProducerId: locked ? current.claimsProducerId : claimsProducerId,
        provinceId: province.id,
        communeId: input.commune ? findOrCreateCommune(tx, province.id, input.commune) : null,
        address: input.address,
        phone: input.phone,
        email: input.email ?? "",
        description: input.description,
        bankBin: input.bankBin ?? null,
        bankAccountNumber: input.bankAccountNumber ?? null,
        bankAccountName: input.bankAccountName ?? null,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(producers.id, producerId))
      .run();
    return { ok: true, claimed: claimsProducerId !== null };
  });
}

// ── Producers that others create and change ──

/** A producer signing up: pending until an official verifies it (its products stay private). */
export function createPendingProducer(
  tx: Tx,
  values: { kind: ProducerKind; name: string; provinceId: number; contactName: string; phone: string; email: string },
): number {
  return tx
    .insert(producers)
    .values({ ...values, slug: uniqueProducerSlug(values.name), status: "pending" })
    .returning({ id: producers.id })
    .get().id;
}

/** A producer the province's OCOP registry names that has not joined: unclaimed (not public) until it signs up with its tax code. */
export function createUnclaimedProducer(values: { kind: ProducerKind; name: string; taxCode: string; provinceId: number; address: string }): number {
  const info = statement<[string, ProducerKind, string, string, number, string]>(
    `INSERT INTO producers (slug, kind, name, tax_code, province_id, address, status) VALUES (?, ?, ?, ?, ?, ?, 'unclaimed')`,
  ).run(uniqueProducerSlug(values.name), values.kind, values.name, values.taxCode, values.provinceId, values.address);
  return Number(info.lastInsertRowid);
}

/** An official verified the producer: it holds `taxCode` and claims nothing any more. */
export function markProducerVerified(tx: Tx, producerId: number, by: { verifierId: number; taxCode: string | null; now: Date }): void {
  tx.update(producers)
    .set({
      status: "verified",
      verifiedAt: by.now.toISOString(),
      verifiedBy: by.verifierId,
      taxCode: by.taxCode,
      claimsProducerId: null,
      updatedAt: by.now.toISOString(),
    })
    .where(eq(producers.id, producerId))
    .run();
}

/**
 * Removes an unclaimed registry producer once its products went to the producer who claimed it;
 * other sign-ups that declared the same tax code lose their claim: only one producer holds it.
 */
export function removeClaimedProducer(tx: Tx, unclaimedId: number): void {
  tx.update(producers).set({ claimsProducerId: null }).where(eq(producers.claimsProducerId, unclaimedId)).run();
  tx.delete(producers).where(and(eq(producers.id, unclaimedId), eq(producers.status, "unclaimed"))).run();
}

/** A producer slug no producer has: the name's, then "-2", "-3"… */
function uniqueProducerSlug(name: string): string {
  const base = slugify(name).slice(0, 80) || "nha-san-xuat";
  const taken = new Set(
    statement<[string, string, string], { slug: string }>(`SELECT slug FROM producers WHERE slug = ? OR (slug >= ? AND slug < ?)`)
      .all(base, `${base}-`, `${base}.`)
      .map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
