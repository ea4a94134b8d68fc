// How far an import has come, for the page that polls it while the upload or the import runs.
// In memory (the web process is the one doing the work); keyed by user and a token the page made.
export type ImportPhase = "reading" | "checking" | "writing" | "done";
export type ImportProgress = { phase: ImportPhase; done: number; total: number };

declare global {
  var __ocopImportProgress: Map<string, ImportProgress & { at: number }> | undefined;
}

const table = () => (globalThis.__ocopImportProgress ??= new Map());
const key = (userId: number, token: string) => `${userId}:${token}`;
export const PROGRESS_TOKEN = /^[a-z0-9]{8,32}$/;

export type ProgressReporter = (progress: ImportProgress) => void;

/** A reporter for the user's token (a no-op without a valid token: the page had no JavaScript). */
export function progressReporter(userId: number, token: unknown): ProgressReporter {
  if (typeof token !== "string" || !PROGRESS_TOKEN.test(token)) return () => {};
  const now = Date.now();
  for (const [k, v] of table()) if (now - v.at > 10 * 60_000) table().delete(k);
  return (progress) => table().set(key(userId, token), { ...progress, at: Date.now() });
}

export function readProgress(userId: number, token: string): ImportProgress | null {
  const p = table().get(key(userId, token));
  return p ? { phase: p.phase, done: p.done, total: p.total } : null;
}

/** Runs a row-checking generator, reporting and yielding to other requests every few hundred rows. */
export async function drive<T>(steps: Generator<number, T>, total: number, report: ProgressReporter): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    report({ phase: "checking", done: step.value, total });
    await new Promise((resolve) => setImmediate(resolve));
  }
}
