// Marketplace tokens at rest: AES-256-GCM with a random 96-bit IV per value and the key id
// in the text, so a wrong or rotated key is reported as such instead of as garbage.
// The key: CREDENTIALS_KEY (32 bytes, base64 or hex) when set; otherwise a key generated
// once into `credentials.key` beside the database file (mode 0600, created exclusively so
// the web server and the worker starting together agree on one key).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { env } from "~/env.server";
import { connectorEnv } from "./config.server";

const VERSION = "v1";

export class CredentialsError extends Error {}

/** Parses a 32-byte key written as 64 hex digits or base64/base64url. */
export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) throw new CredentialsError("CREDENTIALS_KEY must be 32 bytes (64 hex digits or base64)");
  return key;
}

let cachedKey: Buffer | undefined;

export function credentialsKey(): Buffer {
  if (cachedKey) return cachedKey;
  const config = env();
  const { CREDENTIALS_KEY } = connectorEnv();
  if (CREDENTIALS_KEY) return (cachedKey = parseKey(CREDENTIALS_KEY));
  if (config.DATABASE_URL === ":memory:") return (cachedKey = randomBytes(32));
  const file = join(dirname(resolve(config.DATABASE_URL)), "credentials.key");
  try {
    writeFileSync(file, randomBytes(32).toString("base64") + "\n", { flag: "wx", mode: 0o600 });
    if (config.NODE_ENV === "production") {
      console.warn(`CREDENTIALS_KEY is not set: generated ${file}. Set CREDENTIALS_KEY and keep it apart from database backups.`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return (cachedKey = parseKey(readFileSync(file, "utf8")));
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

export function encryptCredentials(value: unknown, key: Buffer = credentialsKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, keyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptCredentials(text: string, key: Buffer = credentialsKey()): unknown {
  const [version, id, iv, tag, body] = text.split(".");
  if (version !== VERSION || !id || !iv || !tag || body === undefined) throw new CredentialsError("not an encrypted credentials value");
  if (id !== keyId(key)) throw new CredentialsError(`encrypted with another key (${id})`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8"));
  } catch {
    throw new CredentialsError("credentials were altered or the key is wrong");
  }
}
