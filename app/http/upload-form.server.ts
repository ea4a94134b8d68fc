// Reads a multipart form with files, within limits: each file is buffered up to maxFileBytes
// and dropped (drained, not kept) past it, so one oversized photo is reported by name while
// the others go through; at most maxFiles files are kept; text fields are capped at 64 kB.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

export type UploadedFile = { field: string; filename: string; bytes: Uint8Array };
export type RefusedFile = { filename: string; reason: "too_large" | "too_many" };
export type UploadForm = { form: FormData; files: UploadedFile[]; refused: RefusedFile[] };

const MAX_FIELD_BYTES = 64 * 1024;

export async function readUploadForm(
  request: Request,
  limits: { maxFiles: number; maxFileBytes: number },
): Promise<UploadForm | null> {
  const files: UploadedFile[] = [];
  const refused: RefusedFile[] = [];
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      const text = await collect(data, MAX_FIELD_BYTES);
      return text === null ? undefined : new TextDecoder().decode(text);
    }
    if (filename === "") {
      await collect(data, 0); // an empty file input
      return undefined;
    }
    const safeName = filename.slice(0, 200);
    if (files.length >= limits.maxFiles) {
      await collect(data, 0);
      refused.push({ filename: safeName, reason: "too_many" });
      return undefined;
    }
    const bytes = await collect(data, limits.maxFileBytes);
    if (bytes === null) refused.push({ filename: safeName, reason: "too_large" });
    else files.push({ field: name, filename: safeName, bytes });
    return undefined;
  };
  try {
    const form = await unstable_parseMultipartFormData(request, handler);
    return { form, files, refused };
  } catch {
    return null; // not multipart, or a broken body
  }
}

/** The part's bytes, or null (after reading it to the end) when it is longer than max. */
async function collect(data: AsyncIterable<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > max) over = true;
    if (!over) chunks.push(chunk);
  }
  if (over) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
