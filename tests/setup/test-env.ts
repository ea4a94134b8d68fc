import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// Each test file runs in its own process with its own throwaway database file.
const dir = mkdtempSync(join(tmpdir(), "ocop-test-"));
process.env.DATABASE_URL = join(dir, "test.sqlite");
process.env.MEDIA_DIR = join(dir, "media");
// Removed when the file's tests are done (its own afterAll hooks, which stop its servers, run first).
afterAll(() => rmSync(dir, { recursive: true, force: true }));
process.env.NODE_ENV = "test";
// Sandbox credentials throughout; the servers and workers tests spawn in production inherit it.
process.env.SANDBOX_MODE = "1";
// No payment provider is reachable from unit and integration tests (port 9 refuses), whatever runs on this machine.
process.env.PAYMENT_SANDBOX_URL = "http://127.0.0.1:9";
