// Set-up steps shared by `npm run demo` and `npm test`. Plain Node, no dependencies:
// this runs on a fresh clone before `npm ci`.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function run(command, env = {}) {
  console.log(`\n$ ${command}`);
  execSync(command, { stdio: "inherit", env: { ...process.env, ...env } });
}

/** Installs node_modules when missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync("package-lock.json").mtimeMs) return;
  // `npm ci`: the committed lockfile lists every platform's optional packages, so a clean clone
  // installs exactly what was tested and leaves the lockfile untouched.
  // better-sqlite3 compiles from source here; node-gyp needs Node's headers from /usr.
  run("npm ci --no-audit --no-fund", { npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr" });
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Playwright cannot download browsers here: use Debian's Chromium, installing it as root if missing. */
export function ensureChromium() {
  if (existsSync(chromiumPath())) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${chromiumPath()}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
}

/** The QR-image test reads the order page's QR with ZBar (Debian zbar-tools), installed as root if missing. */
export function ensureZbar() {
  try {
    execSync("zbarimg --version", { stdio: "ignore" });
    return;
  } catch {
    if (process.getuid?.() !== 0) throw new Error("zbarimg not found. Install it (apt-get install -y zbar-tools).");
  }
  run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools");
}
