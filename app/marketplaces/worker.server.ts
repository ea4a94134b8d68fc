// The sync worker: claims due jobs per connected shop (up to the shop's in-flight limit),
// paces each shop's calls at its configured rate, renews the leases of running jobs, turns
// each outcome or failure into the queue's next state, and stops cleanly: on stop() it claims
// nothing more, lets running jobs finish for a grace period, then aborts the rest and puts
// them back in the queue without spending an attempt. A killed worker leaves leases that
// expire; the next worker takes those jobs over.
import { statement } from "~/db.server";
import type { MarketplaceCode } from "#db/vocabulary";
import { accountsToRefresh, loadAccount, markAccountExpired, readCredentials, storeCredentials, type AccountRow } from "./accounts.server";
import { createHttpClient } from "./http.server";
import { loadListing, updateListing } from "./listing-state.server";
import { dueOrderImports, importOrders } from "./order-import.server";
import { Pacer, sleep } from "./pacer";
import { bury, claim, complete, enqueue, fail, readyAccounts, release, renewLeases, requeueOrphans, retryAfter, type ClaimedJob, type RetryPolicy } from "./queue.server";
import { reconcileListing, type JobOutcome } from "./reconcile.server";
import { apiAdapter, ADAPTERS } from "./registry.server";
import { MarketplaceError, type HttpRequest, type HttpResponse, type ShopContext } from "./types";

export type WorkerOptions = {
  leaseMs: number;
  pollMs: number;
  retry: RetryPolicy;
  httpTimeoutMs: number;
  reviewPollMs: number;
  /** How long a shop pauses after a throttle answer that does not say how long. */
  throttlePauseMs: number;
  /** How often to look for shops whose orders are due (0: never). */
  orderScheduleMs: number;
  /** How often to look for access tokens about to expire and refresh them (default a minute; 0: never). */
  tokenRefreshScanMs?: number;
  log?: (line: string) => void;
  onCall?: (request: HttpRequest, response: HttpResponse | null) => void;
};

type Shop = {
  pacer: Pacer;
  inFlight: number;
  maxInFlight: number;
  code: MarketplaceCode;
  settingsAt: number;
  refreshing: Promise<void> | null;
};

type Running = { job: ClaimedJob; abort: AbortController; done: Promise<void> };

export type Worker = { stop: (graceMs?: number) => Promise<void>; stats: { completed: number; failed: number; retried: number } };

/** Refresh an access token this long before it expires, when a job needs it. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** The scheduled refresh renews tokens ending within this (before any call is refused). */
export const REFRESH_AHEAD_MS = 30 * 60_000;

export function startWorker(options: WorkerOptions): Worker {
  const log = options.log ?? (() => {});
  const shops = new Map<number, Shop>();
  const running = new Map<number, Running>();
  const stats = { completed: 0, failed: 0, retried: 0 };
  let stopping = false;
  let wake: () => void = () => {};

  function shopState(accountId: number): Shop | null {
    let s = shops.get(accountId);
    if (!s || Date.now() - s.settingsAt > 5_000) {
      const row = statement<unknown[], { code: MarketplaceCode; rate: number; maxInFlight: number }>(
        `SELECT m.code, s.calls_per_second AS rate, s.max_in_flight AS maxInFlight FROM marketplace_accounts a
         JOIN marketplaces m ON m.id = a.marketplace_id JOIN marketplace_settings s ON s.marketplace_id = a.marketplace_id WHERE a.id = ?`,
      ).get(accountId);
      if (!row || ADAPTERS[row.code].kind !== "api") return null;
      if (s) {
        s.pacer.setRate(row.rate);
        s.maxInFlight = row.maxInFlight;
        s.settingsAt = Date.now();
      } else {
        s = { pacer: new Pacer(row.rate), inFlight: 0, maxInFlight: row.maxInFlight, code: row.code, settingsAt: Date.now(), refreshing: null };
        shops.set(accountId, s);
      }
    }
    return s;
  }

  function context(account: AccountRow, shop: Shop, signal: AbortSignal): ShopContext | null {
    const credentials = readCredentials(account);
    if (!credentials || !account.shopId) return null;
    const http = createHttpClient({ timeoutMs: options.httpTimeoutMs, pacer: shop.pacer, signal, onCall: options.onCall });
    return { shopId: account.shopId, credentials, http };
  }

  /** One refresh at a time per shop (refresh tokens are single use). False: the shop must reconnect. */
  async function refresh(accountId: number, shop: Shop, seen: AccountRow): Promise<boolean> {
    if (!shop.refreshing) {
      shop.refreshing = (async () => {
        const account = loadAccount(accountId);
        if (!account || account.updatedAt !== seen.updatedAt) return; // reconnected or refreshed meanwhile
        const credentials = readCredentials(account);
        if (!credentials?.refreshToken || !account.shopId) return markAccountExpired(accountId);
        const http = createHttpClient({ timeoutMs: options.httpTimeoutMs, pacer: shop.pacer });
        try {
          const fresh = await apiAdapter(account.code).refresh(http, { shopId: account.shopId, credentials });
          storeCredentials(accountId, fresh, account.updatedAt);
          log(`account ${accountId}: token refreshed`);
        } catch (error) {
          if (error instanceof MarketplaceError && error.kind === "auth_expired") {
            const now = loadAccount(accountId);
            if (now && now.updatedAt === account.updatedAt) markAccountExpired(accountId);
          } else throw error;
        }
      })().finally(() => {
        shop.refreshing = null;
      });
    }
    await shop.refreshing.catch(() => {});
    return loadAccount(accountId)?.status === "connected";
  }

  async function execute(job: ClaimedJob, shop: Shop, signal: AbortSignal): Promise<JobOutcome> {
    let account = loadAccount(job.accountId);
    if (!account || account.status !== "connected") return { type: "later", delayMs: 0, note: null };
    const credentials = readCredentials(account);
    const expiresAt = credentials?.accessExpiresAt ? Date.parse(credentials.accessExpiresAt) : Infinity;
    if (credentials?.refreshToken && expiresAt - Date.now() < REFRESH_MARGIN_MS) {
      await refresh(job.accountId, shop, account);
      account = loadAccount(job.accountId)!;
    }
    const ctx = context(account, shop, signal);
    if (!ctx) {
      markAccountExpired(account.id);
      throw new MarketplaceError("auth_expired", "no usable credentials for this shop");
    }
    const adapter = apiAdapter(account.code);
    if (job.kind === "listing") {
      if (job.productId === null) return { type: "done" };
      return reconcileListing(job.productId, job.marketplaceId, ctx, adapter, { reviewPollMs: options.reviewPollMs });
    }
    return importOrders(account, ctx, adapter);
  }

  function noteOnListing(job: ClaimedJob, code: "retrying" | "unavailable" | "auth_expired" | "misconfigured", detail: string, giveUp: boolean) {
    if (job.kind !== "listing" || job.productId === null) return;
    const listing = loadListing(job.productId, job.marketplaceId);
    if (!listing) return;
    const neverLive = !listing.externalId && listing.status === "pending";
    updateListing(listing.id, { error: { code, detail }, ...(giveUp && neverLive ? { status: "error" as const, detail } : {}) });
  }

  async function run(job: ClaimedJob, shop: Shop, abort: AbortController): Promise<void> {
    try {
      if (job.attempts > options.retry.maxAttempts) {
        bury(job, `abandoned: the worker stopped during ${job.attempts - 1} attempts`);
        noteOnListing(job, "unavailable", "worker stopped repeatedly", true);
        return;
      }
      const outcome = await execute(job, shop, abort.signal);
      if (outcome.type === "done") {
        if (complete(job)) stats.completed++;
      } else retryAfter(job, outcome.delayMs, outcome.note);
    } catch (error) {
      if (abort.signal.aborted) {
        release(job);
        return;
      }
      if (!(error instanceof MarketplaceError)) {
        log(`job ${job.id}: ${(error as Error).stack ?? String(error)}`);
        stats.failed++;
        fail(job, `internal: ${(error as Error).message}`, options.retry);
        return;
      }
      switch (error.kind) {
        case "rate_limited": {
          // The marketplace says slow down: the whole shop pauses (for as long as it said, or the
          // configured pause), and the job comes back after it without spending an attempt.
          const delay = error.extra.retryAfterMs ?? options.throttlePauseMs;
          shop.pacer.pause(Date.now() + delay);
          retryAfter(job, delay, error.detail);
          stats.retried++;
          return;
        }
        case "auth_expired": {
          const account = loadAccount(job.accountId);
          const ok = account ? await refresh(job.accountId, shop, account) : false;
          if (!ok) noteOnListing(job, "auth_expired", error.detail, false);
          retryAfter(job, 0, error.detail); // waits, unclaimable, until the shop is connected again
          return;
        }
        case "misconfigured":
          bury(job, error.detail);
          noteOnListing(job, "misconfigured", error.detail, true);
          stats.failed++;
          return;
        default: {
          const decision = fail(job, error.detail, options.retry);
          if (decision === "dead") stats.failed++;
          else stats.retried++;
          noteOnListing(job, decision === "dead" ? "unavailable" : "retrying", error.detail, decision === "dead");
        }
      }
    }
  }

  function launch(job: ClaimedJob, shop: Shop) {
    shop.inFlight++;
    const abort = new AbortController();
    const done = run(job, shop, abort)
      .catch((error: unknown) => log(`job ${job.id} crashed: ${String(error)}`))
      .finally(() => {
        shop.inFlight--;
        running.delete(job.id);
        wake();
      });
    running.set(job.id, { job, abort, done });
  }

  const renewal = setInterval(() => {
    if (running.size) renewLeases([...running.values()].map((r) => r.job), options.leaseMs);
  }, Math.max(200, Math.floor(options.leaseMs / 3)));

  let lastSchedule = 0;
  function scheduleOrderImports() {
    if (!options.orderScheduleMs || Date.now() - lastSchedule < options.orderScheduleMs) return;
    lastSchedule = Date.now();
    for (const due of dueOrderImports()) {
      enqueue({ kind: "import_orders", marketplaceId: due.marketplaceId, accountId: due.accountId, key: `orders:${due.accountId}` });
    }
  }

  // Access tokens are renewed ahead of their end by this scan, not only when a call is refused: a shop with
  // no work for hours still has a working token (and a refresh token that keeps rotating) when work comes.
  let lastTokenScan = 0;
  function scheduleTokenRefresh() {
    const every = options.tokenRefreshScanMs ?? 60_000;
    if (!every || Date.now() - lastTokenScan < every) return;
    lastTokenScan = Date.now();
    for (const due of accountsToRefresh(new Date(Date.now() + REFRESH_AHEAD_MS).toISOString())) {
      const shop = shopState(due.id);
      const account = loadAccount(due.id);
      if (!shop || !account || shop.refreshing) continue;
      void refresh(due.id, shop, account).catch((error: unknown) => log(`account ${due.id}: scheduled refresh failed: ${String(error)}`));
    }
  }

  let lastOrphanSweep = 0;
  const loop = (async () => {
    while (!stopping) {
      try {
        scheduleOrderImports();
        scheduleTokenRefresh();
        if (Date.now() - lastOrphanSweep > 5_000) {
          lastOrphanSweep = Date.now();
          requeueOrphans();
        }
        for (const { accountId } of readyAccounts()) {
          const shop = shopState(accountId);
          if (!shop) continue;
          const free = shop.maxInFlight - shop.inFlight;
          if (free <= 0) continue;
          for (const job of claim(accountId, free, options.leaseMs)) launch(job, shop);
        }
      } catch (error) {
        log(`worker loop: ${String(error)}`); // e.g. the database busy beyond its timeout: try again
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    stats,
    async stop(graceMs = 10_000) {
      stopping = true;
      wake();
      await loop;
      const all = [...running.values()];
      await Promise.race([Promise.all(all.map((r) => r.done)), sleep(graceMs)]);
      for (const r of running.values()) r.abort.abort(new Error("worker stopping"));
      await Promise.all([...running.values()].map((r) => r.done));
      clearInterval(renewal);
    },
  };
}
