// Creating accounts and checking passwords. The one place that writes users: a sign-up here, a
// member accepting an invitation and a member taken out of a producer (invitations.server.ts
// calls createUser and detachMember inside its own transaction).
import { and, eq } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { provinces, users } from "#db/schema";
import type { Role } from "#db/vocabulary";
import { createPendingProducer } from "~/seller/producer-profile.server";
import type { SignupInput } from "./forms";
import { hashPassword, verifyPassword } from "./password.server";

// Verified against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

/** The user's id if the email and password match, else null. */
export async function authenticate(email: string, password: string): Promise<number | null> {
  const user = db().select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).get();
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
}

/** Where a user lands after logging in when no page was asked for: a producer member, the seller centre. */
export function homeFor(userId: number): string {
  const user = db().select({ role: users.role, producerId: users.producerId }).from(users).where(eq(users.id, userId)).get();
  return user?.role === "producer" && user.producerId !== null ? "/kenh-nguoi-ban" : "/";
}

export type SignupResult = { ok: true; userId: number } | { ok: false; error: "email_taken" | "unknown_province" };

/**
 * A shopper, or a producer member with a new producer awaiting verification (its products
 * stay private until an official or admin verifies it). One transaction: all or nothing.
 */
export async function registerAccount(input: SignupInput): Promise<SignupResult> {
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx): SignupResult => {
    if (emailTaken(tx, input.email)) {
      return { ok: false, error: "email_taken" };
    }
    let producerId: number | null = null;
    if (input.accountType === "producer") {
      const province = tx
        .select({ id: provinces.id })
        .from(provinces)
        .where(and(eq(provinces.slug, input.province), eq(provinces.isCurrent, true)))
        .get();
      if (!province) return { ok: false, error: "unknown_province" };
      producerId = createPendingProducer(tx, {
        kind: input.producerKind,
        name: input.producerName,
        provinceId: province.id,
        contactName: input.name,
        phone: input.phone,
        email: input.email,
      });
    }
    const userId = createUser(tx, { email: input.email, passwordHash, name: input.name, phone: input.phone, role: input.accountType, producerId });
    return { ok: true, userId };
  });
}

/** Whether an account already uses this e-mail address. */
export function emailTaken(tx: Tx, email: string): boolean {
  return !!tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
}

/** A new account (the caller checked the e-mail is free, in the same transaction). */
export function createUser(
  tx: Tx,
  values: { email: string; passwordHash: string; name: string; phone: string; role: Role; producerId: number | null },
): number {
  return tx.insert(users).values(values).returning({ id: users.id }).get().id;
}

/** Takes a member out of the producer: the account stays as a shopper's. False when it is not one of its members. */
export function detachMember(producerId: number, memberId: number): boolean {
  return (
    db()
      .update(users)
      .set({ role: "shopper", producerId: null })
      .where(and(eq(users.id, memberId), eq(users.producerId, producerId), eq(users.role, "producer")))
      .run().changes === 1
  );
}
