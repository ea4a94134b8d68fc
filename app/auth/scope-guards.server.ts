// Guards that also return the scope every query must be limited to: a producer member's own
// producer, or the province an official answers for (all provinces for an admin).
import { data } from "@remix-run/node";
import { requireRole } from "./guards.server";
import type { SessionUser } from "./session.server";

export type ProducerScope = { user: SessionUser; producerId: number };

/**
 * A producer member, with the producer every query is scoped to: every seller-centre loader and action
 * starts here. A suspended producer's seller centre is read-only: any change (a product created,
 * edited, published, a photo, an import…) is a 403 whose page says why. Only what a sale already
 * promised goes on (`whileSuspended`: the seller's order actions). A GET that changes something (a
 * marketplace's OAuth return storing the shop) says so with `changes`.
 */
export async function requireProducer(request: Request, opts: { whileSuspended?: boolean; changes?: boolean } = {}): Promise<ProducerScope> {
  const user = await requireRole(request, ["producer"]);
  if (user.producerId === null) throw data({ reason: "forbidden" as const }, { status: 403 });
  const reads = (request.method === "GET" || request.method === "HEAD") && !opts.changes;
  if (user.producerStatus === "suspended" && !reads && !opts.whileSuspended) throw data({ reason: "suspended" as const }, { status: 403 });
  return { user, producerId: user.producerId };
}

/** provinceId null: every province (an admin). */
export type ProvinceScope = { user: SessionUser; provinceId: number | null };

/** Who may verify producers and import a registry: an admin, or an official for their own province. */
export async function requireVerifier(request: Request): Promise<ProvinceScope> {
  const user = await requireRole(request, ["admin", "official"]);
  if (user.role === "admin") return { user, provinceId: null };
  if (user.provinceId === null) throw data({ reason: "forbidden" as const }, { status: 403 });
  return { user, provinceId: user.provinceId };
}
