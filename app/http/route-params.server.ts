import { data } from "@remix-run/node";

/** A positive integer id from a route parameter, or a 404 (the same answer as an id that is not yours). */
export function idParam(raw: string | undefined): number {
  const id = Number(raw);
  if (!/^\d{1,12}$/.test(raw ?? "") || !Number.isSafeInteger(id) || id <= 0) throw data({ reason: "not_found" as const }, { status: 404 });
  return id;
}

export const notFound = () => data({ reason: "not_found" as const }, { status: 404 });
