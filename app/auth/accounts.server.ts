// Creating accounts and checking passwords.
import { and, eq } from "drizzle-orm";
import { db } from "~/db.server";
import { slugify } from "#db/fold";
import { producers, provinces, users } from "#db/schema";
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

export type SignupResult = { ok: true; userId: number } | { ok: false; error: "email_taken" | "unknown_province" };

/**
 * A shopper, or a producer member with a new producer awaiting verification (its products
 * stay private until an official or admin verifies it). One transaction: all or nothing.
 */
export async function registerAccount(input: SignupInput): Promise<SignupResult> {
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx): SignupResult => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
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
      producerId = tx
        .insert(producers)
        .values({
          slug: uniqueProducerSlug(tx, input.producerName),
          kind: input.producerKind,
          name: input.producerName,
          provinceId: province.id,
          contactName: input.name,
          phone: input.phone,
          email: input.email,
          status: "pending",
        })
        .returning({ id: producers.id })
        .get().id;
    }
    const user = tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        name: input.name,
        phone: input.phone,
        role: input.accountType,
        producerId,
      })
      .returning({ id: users.id })
      .get();
    return { ok: true, userId: user.id };
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

function uniqueProducerSlug(tx: Tx, name: string): string {
  const base = slugify(name).slice(0, 80) || "nha-san-xuat";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: producers.id }).from(producers).where(eq(producers.slug, slug)).get()) return slug;
  }
}
