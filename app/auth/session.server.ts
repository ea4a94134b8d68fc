// Database-backed sessions. The cookie holds a random 256-bit token; the sessions table
// holds its SHA-256, so a leaked database does not leak live sessions.
import { and, count, eq, gt, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { db } from "~/db.server";
import { producers, provinces, sessions, users, type Role } from "#db/schema";
import { sessionCookie } from "./cookies.server";

const SESSION_DAYS = 30;

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  provinceId: number | null;
  provinceName: string | null;
  producerId: number | null;
  producerName: string | null;
  producerSlug: string | null;
  /** pending until an official or admin verifies the producer. */
  producerStatus: (typeof producers.$inferSelect)["status"] | null;
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const userBySession = () =>
  db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      provinceId: users.provinceId,
      provinceName: provinces.name,
      producerId: users.producerId,
      producerName: producers.name,
      producerSlug: producers.slug,
      producerStatus: producers.status,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(provinces, eq(provinces.id, users.provinceId))
    .leftJoin(producers, eq(producers.id, users.producerId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare();

let prepared: ReturnType<typeof userBySession> | undefined;

// A page's loaders (root and the page's own) share one GET request (app/http/loader-requests.server.ts): the
// session is read once for it, and forgotten with it. Never for a POST: an action may end the session it read.
const readFor = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user, or null. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return readSessionUser(request);
  let user = readFor.get(request);
  if (!user) readFor.set(request, (user = readSessionUser(request)));
  return user;
}

async function readSessionUser(request: Request): Promise<SessionUser | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || token.length < 32) return null;
  prepared ??= userBySession();
  const row = prepared.get({ id: hashToken(token) });
  if (!row || row.expiresAt <= new Date().toISOString()) return null;
  const { expiresAt: _expiresAt, ...user } = row;
  return user;
}

/** Starts a session and returns the Set-Cookie header that carries it. */
export async function createSession(userId: number, userAgent: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000).toISOString();
  db()
    .insert(sessions)
    .values({ id: hashToken(token), userId, expiresAt, userAgent: userAgent.slice(0, 300) })
    .run();
  return sessionCookie.serialize(token);
}

/** How many live sessions the user has (browsers and devices logged in). */
export function sessionCount(userId: number): number {
  return db().select({ n: count() }).from(sessions).where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date().toISOString()))).get()?.n ?? 0;
}

/** "Log out everywhere": ends every session of the user, this one too; returns the Set-Cookie header that clears it here. */
export async function destroyAllSessions(userId: number): Promise<string> {
  db().delete(sessions).where(eq(sessions.userId, userId)).run();
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Ends the request's session (if any) and returns the Set-Cookie header that clears it. */
export async function destroySession(request: Request): Promise<string> {
  const token: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof token === "string") db().delete(sessions).where(eq(sessions.id, hashToken(token))).run();
  return sessionCookie.serialize("", { maxAge: 0 });
}
