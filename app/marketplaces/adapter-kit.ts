// Small conversions the adapters share.
import type { OrderStatus } from "#db/vocabulary";

export const seconds = (ms: number) => Math.floor(ms / 1000);
export const toIso = (ms: number) => new Date(ms).toISOString();

/** A marketplace's order status in the app's words; an unknown one counts as placed. */
export function orderStatusFrom(table: Record<string, OrderStatus>, status: string): OrderStatus {
  return table[status] ?? "placed";
}

/** A JPEG file as a multipart part. */
export async function jpegBlob(file: string): Promise<Blob> {
  const { readFile } = await import("node:fs/promises");
  return new Blob([new Uint8Array(await readFile(file))], { type: "image/jpeg" });
}
