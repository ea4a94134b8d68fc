// Inviting members to a producer by e-mailed link, and accepting. The link carries a random
// 256-bit token; only its SHA-256 is stored, so the database alone opens no invitation.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { formatInstant } from "~/i18n/format";
import { translator } from "~/i18n/messages";
import { queueEmail } from "~/notifications/outbox.server";
import { producerInvitations, producers, users } from "#db/schema";
import { createUser, detachMember, emailTaken } from "./accounts.server";
import { hashPassword } from "./password.server";

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type Member = { id: number; name: string; email: string; phone: string };
export type PendingInvitation = { id: number; email: string; expiresAt: string; createdAt: string };

export function producerMembers(producerId: number): Member[] {
  return db()
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(and(eq(users.producerId, producerId), eq(users.role, "producer")))
    .orderBy(asc(users.id))
    .all();
}

export function pendingInvitations(producerId: number, now = new Date()): PendingInvitation[] {
  return db()
    .select({
      id: producerInvitations.id,
      email: producerInvitations.email,
      expiresAt: producerInvitations.expiresAt,
      createdAt: producerInvitations.createdAt,
    })
    .from(producerInvitations)
    .where(
      and(
        eq(producerInvitations.producerId, producerId),
        isNull(producerInvitations.acceptedAt),
        isNull(producerInvitations.revokedAt),
        gt(producerInvitations.expiresAt, now.toISOString()),
      ),
    )
    .orderBy(asc(producerInvitations.id))
    .all();
}

export type InviteResult = { ok: true; link: string } | { ok: false; error: "members.error.hasAccount" };

/**
 * Records the invitation and its e-mail in one transaction, revoking any earlier open
 * invitation of the same address to the same producer. Returns the link to show once.
 */
export function inviteMember(producerId: number, inviter: { id: number; name: string }, email: string, now = new Date()): InviteResult {
  const token = randomBytes(32).toString("base64url");
  const link = `${env().PUBLIC_URL}/moi/${token}`;
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();
  const t = translator("vi");
  return db().transaction((tx): InviteResult => {
    if (emailTaken(tx, email)) return { ok: false, error: "members.error.hasAccount" };
    const producer = tx.select({ name: producers.name }).from(producers).where(eq(producers.id, producerId)).get();
    if (!producer) throw new Error(`producer ${producerId} not found`);
    tx.update(producerInvitations)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(producerInvitations.producerId, producerId),
          eq(producerInvitations.email, email),
          isNull(producerInvitations.acceptedAt),
          isNull(producerInvitations.revokedAt),
        ),
      )
      .run();
    tx.insert(producerInvitations)
      .values({ producerId, email, tokenHash: hashToken(token), invitedBy: inviter.id, expiresAt })
      .run();
    queueEmail(tx, {
      kind: "member_invite",
      to: email,
      subject: t("members.emailSubject", { producer: producer.name }),
      body: t("members.emailBody", { inviter: inviter.name, producer: producer.name, date: formatInstant(expiresAt), link }),
    });
    return { ok: true, link };
  });
}

/** Revokes one of the producer's own open invitations; false when there is none with that id. */
export function revokeInvitation(producerId: number, invitationId: number, now = new Date()): boolean {
  return (
    db()
      .update(producerInvitations)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(producerInvitations.id, invitationId),
          eq(producerInvitations.producerId, producerId),
          isNull(producerInvitations.acceptedAt),
          isNull(producerInvitations.revokedAt),
        ),
      )
      .run().changes === 1
  );
}

/**
 * Takes a member out of the producer: the account stays (orders, history) as a shopper's.
 * Never oneself, so a producer always keeps the member who acted.
 */
export function removeMember(producerId: number, actingUserId: number, memberId: number): "ok" | "self" | "not_found" {
  if (memberId === actingUserId) return "self";
  return detachMember(producerId, memberId) ? "ok" : "not_found";
}

export type InvitationState =
  | { state: "valid"; email: string; producerName: string }
  | { state: "invalid" | "expired" | "used" | "revoked" };

export function findInvitation(token: string, now = new Date()): InvitationState {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: "invalid" };
  const row = db()
    .select({
      email: producerInvitations.email,
      expiresAt: producerInvitations.expiresAt,
      acceptedAt: producerInvitations.acceptedAt,
      revokedAt: producerInvitations.revokedAt,
      producerName: producers.name,
    })
    .from(producerInvitations)
    .innerJoin(producers, eq(producers.id, producerInvitations.producerId))
    .where(eq(producerInvitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return { state: "invalid" };
  if (row.acceptedAt) return { state: "used" };
  if (row.revokedAt) return { state: "revoked" };
  if (row.expiresAt <= now.toISOString()) return { state: "expired" };
  return { state: "valid", email: row.email, producerName: row.producerName };
}

export type AcceptResult = { ok: true; userId: number } | { ok: false; error: "invalid" | "expired" | "used" | "revoked" | "email_taken" };

/** Creates the member's account and marks the invitation used, in one transaction. */
export async function acceptInvitation(
  token: string,
  input: { name: string; phone: string; password: string },
  now = new Date(),
): Promise<AcceptResult> {
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx): AcceptResult => {
    const found = findInvitation(token, now);
    if (found.state !== "valid") return { ok: false, error: found.state };
    const invitation = tx
      .select()
      .from(producerInvitations)
      .where(eq(producerInvitations.tokenHash, hashToken(token)))
      .get()!;
    if (emailTaken(tx, invitation.email)) return { ok: false, error: "email_taken" };
    const userId = createUser(tx, {
      email: invitation.email,
      passwordHash,
      name: input.name,
      phone: input.phone,
      role: "producer",
      producerId: invitation.producerId,
    });
    tx.update(producerInvitations)
      .set({ acceptedAt: now.toISOString(), acceptedUserId: userId })
      .where(eq(producerInvitations.id, invitation.id))
      .run();
    return { ok: true, userId };
  });
}
