// Measures what a zip (an .xlsx) really inflates to, without keeping any of it: every entry named in
// the central directory is inflated through a streaming zlib inflater whose output is counted and
// dropped, and the walk stops as soon as the total passes the cap. The sizes the zip declares are
// never trusted (a bomb declares small ones). Inflating runs in libuv's pool, off the event loop.
import { createInflateRaw } from "node:zlib";

export type ZipCheck = { ok: true; inflated: number } | { ok: false; problem: "corrupt" | "tooLarge" };

const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const MAX_ENTRIES = 10_000;

export async function checkZip(bytes: Uint8Array, maxInflated: number): Promise<ZipCheck> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(view);
  if (!entries) return { ok: false, problem: "corrupt" };
  if (entries.length > MAX_ENTRIES) return { ok: false, problem: "tooLarge" };
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > view.length || view.readUInt32LE(at) !== LOCAL_ENTRY) return { ok: false, problem: "corrupt" };
    const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > view.length) return { ok: false, problem: "corrupt" };
    const data = view.subarray(start, end);
    let size: number | null;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) size = await inflatedSize(data, maxInflated - total);
    else return { ok: false, problem: "corrupt" };
    if (size === null) return { ok: false, problem: "tooLarge" };
    if (size < 0) return { ok: false, problem: "corrupt" };
    total += size;
    if (total > maxInflated) return { ok: false, problem: "tooLarge" };
  }
  return { ok: true, inflated: total };
}

type Entry = { method: number; compressedSize: number; localOffset: number };

/** The central directory's entries, or null when it cannot be read (ZIP64 included: no xlsx needs it). */
function centralDirectory(view: Buffer): Entry[] | null {
  if (view.length < 22) return null;
  const from = Math.max(0, view.length - 22 - 65_535);
  let eocd = -1;
  for (let i = view.length - 22; i >= from; i--) {
    if (view.readUInt32LE(i) === END_OF_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== CENTRAL_ENTRY) return null;
    const compressedSize = view.readUInt32LE(at + 20);
    const localOffset = view.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) return null;
    entries.push({ method: view.readUInt16LE(at + 10), compressedSize, localOffset });
    at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return entries;
}

/** The bytes `data` inflates to; null as soon as that passes `max`; -1 when it is not valid deflate. */
function inflatedSize(data: Buffer, max: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let settled = false;
    const settle = (value: number | null) => {
      if (settled) return;
      settled = true;
      resolve(value);
      inflater.destroy();
    };
    inflater.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) settle(null);
    });
    inflater.on("end", () => settle(size));
    inflater.on("error", () => settle(-1));
    inflater.end(data);
  });
}
