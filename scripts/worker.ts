// The marketplace sync worker: runs the queue in sync_jobs against the marketplaces (or their
// sandboxes), and every SEPAY_RECONCILE_MINUTES reads each linked producer's SePay transactions to
// apply the transfers whose webhook never arrived. Every 2 s it also recomputes the registry
// figures of the provinces whose data changed (app/indicators/registry-store.server.ts), so the
// national indicators are a sum of kept figures and no request computes them. Started by `npm run demo` and by Playwright
// beside the web server.
//
//   npx tsx scripts/worker.ts
//
// SIGTERM/SIGINT: stops claiming, lets running jobs finish (up to 10 s), puts the rest back in
// the queue, exits 0. SIGKILL loses nothing: the jobs' leases expire and are taken over.
import { openDatabase } from "#db/client";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { connectorEnv } from "~/marketplaces/config.server";
import { queueStats } from "~/marketplaces/queue.server";
import { startWorker } from "~/marketplaces/worker.server";
import { vietnamToday } from "~/i18n/format";
import { refreshRegistryFigures } from "~/indicators/registry-store.server";
import { reconcileBankTransfers } from "~/payments/reconcile.server";
import { refusedStart } from "~/start-check.server";

const refused = refusedStart(); // as the web server: production on sandbox secrets does not start
if (refused) {
  console.error(refused);
  process.exit(1);
}
const config = { ...env(), ...connectorEnv() };
openDatabase(config.DATABASE_URL).$client.close(); // migrate first, as the web server does
db();

const log = (line: string) => console.log(`[worker] ${line}`);
const worker = startWorker({
  leaseMs: config.SYNC_LEASE_MS,
  pollMs: config.SYNC_POLL_MS,
  retry: { baseMs: config.SYNC_BACKOFF_BASE_MS, capMs: config.SYNC_BACKOFF_CAP_MS, maxAttempts: config.SYNC_MAX_ATTEMPTS },
  httpTimeoutMs: config.SYNC_HTTP_TIMEOUT_MS,
  reviewPollMs: config.SYNC_REVIEW_POLL_MS,
  throttlePauseMs: config.SYNC_THROTTLE_PAUSE_MS,
  orderScheduleMs: 30_000,
  log,
});
log(`started (pid ${process.pid}, database ${config.DATABASE_URL})`);

// Bank reconciliation: one pass at a time; a pass that finds nothing new says nothing.
let reconciling = false;
const reconcile =
  config.SEPAY_RECONCILE_MINUTES > 0
    ? setInterval(() => {
        if (reconciling) return;
        reconciling = true;
        reconcileBankTransfers()
          .then((s) => {
            if (s.paid || s.review || s.errors.length) log(`reconciliation ${JSON.stringify(s)}`);
          })
          .catch((error: unknown) => log(`reconciliation failed: ${(error as Error).message}`))
          .finally(() => (reconciling = false));
      }, config.SEPAY_RECONCILE_MINUTES * 60_000)
    : null;
reconcile?.unref();

// The provinces' registry figures: recomputed within ~2 s of a change, one province per turn.
let refreshing = false;
const registryFigures = setInterval(() => {
  if (refreshing) return;
  refreshing = true;
  const started = Date.now();
  refreshRegistryFigures(vietnamToday())
    .then((provinces) => {
      if (provinces.length > 0) log(`registry figures of ${provinces.length} province(s) recomputed in ${Date.now() - started} ms`);
    })
    .catch((error: unknown) => log(`registry figures failed: ${(error as Error).message}`))
    .finally(() => (refreshing = false));
}, 2_000);
registryFigures.unref();

let last = "";
const report = setInterval(() => {
  const line = JSON.stringify({ queue: queueStats(), ...worker.stats });
  if (line !== last) log(line);
  last = line;
}, 10_000);
report.unref();

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing running jobs`);
    if (reconcile) clearInterval(reconcile);
    clearInterval(registryFigures);
    void worker.stop(10_000).then(() => {
      log("stopped");
      process.exit(0);
    });
  });
}
