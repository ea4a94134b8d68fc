// Verifying producers: an admin for every province, an official for their own. Every read and
// write is limited to the verifier's province; a producer outside it is "not found".
import { and, eq } from "drizzle-orm";
import { db, statement } from "~/db.server";
import { translator } from "~/i18n/messages";
import { queueEmail } from "~/notifications/outbox.server";
import { producers, users } from "#db/schema";
import { mergeClaimedProducts } from "~/registry/claims.server";
import {
  getProducerProfile,
  markProducerVerified,
  missingForVerification,
  removeClaimedProducer,
  type MissingFact,
  type ProducerProfile,
} from "~/seller/producer-profile.server";

export type VerifierScope = { provinceId: number | null };

export type QueueItem = {
  id: number;
  name: string;
  kind: ProducerProfile["kind"];
  provinceName: string;
  createdAt: string;
  products: number;
  claims: ProducerProfile["claims"];
  missing: MissingFact[];
};

const inScope = (scope: VerifierScope, provinceId: number) => scope.provinceId === null || scope.provinceId === provinceId;

/** Producers waiting for verification in the verifier's province (all, for an admin), oldest first. */
export function verificationQueue(scope: VerifierScope): QueueItem[] {
  const ids = statement<[number | null, number | null], { id: number }>(
    `SELECT id FROM producers WHERE status = 'pending' AND (? IS NULL OR province_id = ?) ORDER BY created_at, id LIMIT 500`,
  )
    .all(scope.provinceId, scope.provinceId)
    .map((r) => r.id);
  return ids.flatMap((id) => {
    const c = verificationCase(scope, id);
    return c ? [{ ...c.profile, createdAt: c.createdAt, products: c.products, missing: c.missing }] : [];
  });
}

export type VerificationCase = {
  profile: ProducerProfile;
  createdAt: string;
  products: number;
  missing: MissingFact[];
  members: { name: string; email: string; phone: string }[];
};

export function verificationCase(scope: VerifierScope, producerId: number): VerificationCase | null {
  const profile = getProducerProfile(producerId);
  if (!profile || !inScope(scope, profile.provinceId) || profile.status === "unclaimed") return null;
  const extra = statement<[producerId: number], { createdAt: string; products: number }>(
    `SELECT created_at AS createdAt, (SELECT count(*) FROM products WHERE producer_id = producers.id) AS products FROM producers WHERE id = ?`,
  ).get(producerId)!;
  const members = db()
    .select({ name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(and(eq(users.producerId, producerId), eq(users.role, "producer")))
    .all();
  return { profile, ...extra, missing: missingForVerification(profile), members };
}

export type VerifyResult =
  | { ok: true; name: string; claimedProducts: number }
  | { ok: false; error: "not_found" | "verify.error.notPending" | "verify.error.incomplete" | "verify.error.claimGone" };

/**
 * Verifies a pending producer in one transaction: when it declared the tax code of an unclaimed
 * registry producer, that producer's products (and registry entries) join it, merged by decision
 * number with the products it already has (registry/claims.server.ts), and the unclaimed record
 * goes; the status change makes its active products public (trigger).
 */
export function verifyProducer(scope: VerifierScope, producerId: number, verifier: { id: number; name: string }, now = new Date()): VerifyResult {
  const t = translator("vi");
  return db().transaction((tx): VerifyResult => {
    const p = tx.select().from(producers).where(eq(producers.id, producerId)).get();
    if (!p || !inScope(scope, p.provinceId) || p.status === "unclaimed") return { ok: false, error: "not_found" };
    if (p.status !== "pending") return { ok: false, error: "verify.error.notPending" };
    const profile = getProducerProfile(producerId)!;
    if (missingForVerification(profile).length > 0) return { ok: false, error: "verify.error.incomplete" };

    let taxCode = p.taxCode;
    let claimedProducts = 0;
    if (p.claimsProducerId !== null) {
      const c = tx
        .select()
        .from(producers)
        .where(and(eq(producers.id, p.claimsProducerId), eq(producers.status, "unclaimed"), eq(producers.provinceId, p.provinceId)))
        .get();
      if (!c || !c.taxCode) return { ok: false, error: "verify.error.claimGone" };
      // The registry's copies join the claimant, merged by decision number into products it already has.
      const merged = mergeClaimedProducts(tx, p.id, c.id);
      claimedProducts = merged.movedProducts + merged.mergedProducts;
      // Other sign-ups that declared the same tax code lose their claim: only one producer holds it.
      removeClaimedProducer(tx, c.id);
      taxCode = c.taxCode;
    }
    markProducerVerified(tx, p.id, { verifierId: verifier.id, taxCode, now });
    for (const to of recipients(producerId, p.email)) {
      queueEmail(tx, {
        kind: "producer_verified",
        to,
        subject: t("verify.emailSubject", { producer: p.name }),
        body: t("verify.emailBody", { producer: p.name, verifier: verifier.name }),
      });
    }
    return { ok: true, name: p.name, claimedProducts };
  });
}

/** E-mails the producer what its profile lacks; nothing else changes. */
export function requestProfileChanges(
  scope: VerifierScope,
  producerId: number,
  verifier: { name: string },
  note: string,
): "ok" | "not_found" | "verify.error.notPending" {
  const t = translator("vi");
  return db().transaction((tx) => {
    const p = tx.select().from(producers).where(eq(producers.id, producerId)).get();
    if (!p || !inScope(scope, p.provinceId) || p.status === "unclaimed") return "not_found" as const;
    if (p.status !== "pending") return "verify.error.notPending" as const;
    for (const to of recipients(producerId, p.email)) {
      queueEmail(tx, {
        kind: "producer_changes_requested",
        to,
        subject: t("verify.changesSubject", { producer: p.name }),
        body: t("verify.changesBody", { producer: p.name, verifier: verifier.name, note }),
      });
    }
    return "ok" as const;
  });
}

/** The producer's members and its contact address, once each. */
function recipients(producerId: number, contact: string): string[] {
  const members = db()
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.producerId, producerId), eq(users.role, "producer")))
    .all()
    .map((u) => u.email);
  return [...new Set([...members, ...(contact ? [contact.toLowerCase()] : [])])];
}
