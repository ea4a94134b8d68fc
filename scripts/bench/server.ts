// Starts the production server on a given database for a benchmark, and stops it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

export async function ensureBuild(): Promise<void> {
  if (existsSync("build/server/index.js")) return;
  await new Promise<void>((resolve, reject) => {
    spawn("npx", ["remix", "vite:build"], { stdio: "inherit" }).on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`build failed (${code})`)),
    );
  });
}

export async function startServer(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  // Node itself with tsx's loader (not npx, which would leave the server behind on kill),
  // in its own process group so stop() ends everything it started.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...process.env, NODE_ENV: "production", SANDBOX_MODE: "1", DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", ...extraEnv },
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready`))),
  );
  exited.catch(() => {});
  for (let i = 0; ; i++) {
    if (i === 300) throw new Error(`server on ${url} not ready after 30 s`);
    const ok = await Promise.race([
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        process.kill(-child.pid!, "SIGTERM");
      }),
  };
}
