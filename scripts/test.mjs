// `npm test`: everything CI checks, in order, stopping at the first failure:
// type checking, unit and integration tests (vitest), the production build, and the
// end-to-end tests (Playwright in Debian's Chromium against the built app on a fresh database).
import { ensureChromium, ensureDependencies, ensureZbar, run } from "./setup.mjs";

ensureDependencies();
ensureChromium();
ensureZbar();
run("npx tsc --noEmit");
run("npx vitest run");
run("npx remix vite:build");
run("node scripts/check-build.mjs");
run("npx playwright test");
