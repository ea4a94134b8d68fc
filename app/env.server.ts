import { z } from "zod";
import { CONNECTOR_ENV } from "./marketplaces/config-env";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** A file path for the embedded SQLite database (":memory:" for throwaway runs). */
  DATABASE_URL: z
    .string()
    .min(1)
    .default("db/data/ocop.sqlite")
    .refine((v) => !/^[a-z]+:\/\//i.test(v), "DATABASE_URL is a file path, not a URL"),
  /** Where uploaded and generated images and their variants are written. */
  MEDIA_DIR: z.string().min(1).default("db/data/media"),
  /** The address shoppers use; cookies are Secure when it is https. */
  PUBLIC_URL: z.url().optional(),
  ...CONNECTOR_ENV,
});

export type Env = z.infer<typeof EnvSchema> & { PUBLIC_URL: string };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const env = parsed.data;
  return { ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}` };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
