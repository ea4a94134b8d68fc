// The durable sync queue on SQLite (table sync_jobs). Jobs are claimed with a lease by one
// UPDATE … RETURNING (SQLite runs one writer at a time, so two workers never claim the same
// row); finishing a job is a compare-and-swap on its lease id, so a worker whose lease
// expired (it stalled, or was killed and came back) cannot overwrite the new owner's result.
// Products enqueue through database triggers (db/migrations/0004_connector_triggers.sql);
// code enqueues with `enqueue`, which has the same coalescing semantics. The one module that
// writes sync_jobs: the worker, the producer's and the administrator's retries all come here.
import { randomUUID } from "node:crypto";
import { statement, type Tx } from "~/db.server";
import type { SyncJobKind, SyncJobStatus } from "#db/schema";
import { backoffDelay, type BackoffPolicy } from "./backoff";

const iso = (ms: number) => new Date(ms).toISOString();

export type EnqueueInput = {
  kind: SyncJobKind;
  marketplaceId: number;
  accountId: number;
  productId?: number | null;
  key: string;
  payload?: unknown;
  /** Not before this many ms from now (a new row only; an existing one keeps its own time). */
  delayMs?: number;
};

/**
 * Adds the job, or folds it into the existing one with the same key: queued stays queued,
 * running is marked dirty (runs again after), done/dead are queued again with fresh attempts.
 * Call it inside the transaction of the change that needs syncing.
 */
export function enqueue(input: EnqueueInput, now = Date.now()): void {
  statement(
    `INSERT INTO sync_jobs (kind, marketplace_id, account_id, product_id, idempotency_key, payload, status, available_at, updated_at)
     VALUES (@kind, @marketplaceId, @accountId, @productId, @key, @payload, 'queued', @availableAt, @now)
     ON CONFLICT (marketplace_id, idempotency_key) DO UPDATE SET
       dirty = CASE WHEN status = 'running' THEN 1 ELSE dirty END,
       available_at = CASE WHEN status IN ('done', 'dead') THEN @now ELSE available_at END,
       attempts = CASE WHEN status IN ('done', 'dead') THEN 0 ELSE attempts END,
       status = CASE WHEN status = 'running' THEN 'running' ELSE 'queued' END,
       payload = excluded.payload,
       account_id = excluded.account_id,
       updated_at = excluded.updated_at`,
  ).run({
    kind: input.kind,
    marketplaceId: input.marketplaceId,
    accountId: input.accountId,
    productId: input.productId ?? null,
    key: input.key,
    payload: JSON.stringify(input.payload ?? {}),
    availableAt: iso(now + (input.delayMs ?? 0)),
    now: iso(now),
  });
}

export type ClaimedJob = {
  id: number;
  kind: SyncJobKind;
  marketplaceId: number;
  accountId: number;
  productId: number | null;
  payload: string;
  attempts: number;
  leaseId: string;
};

/** Accounts (connected ones only) with jobs that can be claimed now, and how many. */
export function readyAccounts(now = Date.now()): { accountId: number; ready: number }[] {
  return statement<{ now: string }, { accountId: number; ready: number }>(
    `SELECT j.account_id AS accountId, count(*) AS ready
     FROM sync_jobs j JOIN marketplace_accounts a ON a.id = j.account_id AND a.status = 'connected'
     WHERE (j.status = 'queued' AND j.available_at <= @now) OR (j.status = 'running' AND j.lease_expires_at < @now)
     GROUP BY j.account_id`,
  ).all({ now: iso(now) });
}

/**
 * Claims up to `limit` of the account's jobs that are due, or whose lease expired (their
 * worker died), oldest first. Each claim counts as an attempt.
 */
export function claim(accountId: number, limit: number, leaseMs: number, now = Date.now()): ClaimedJob[] {
  if (limit <= 0) return [];
  const leaseId = randomUUID();
  const rows = statement<{ accountId: number; limit: number; leaseId: string; until: string; now: string }, Omit<ClaimedJob, "leaseId">>(
    `UPDATE sync_jobs SET status = 'running', lease_id = @leaseId, lease_expires_at = @until,
       attempts = attempts + 1, dirty = 0, updated_at = @now
     WHERE id IN (
       SELECT id FROM sync_jobs
       WHERE account_id = @accountId
         AND ((status = 'queued' AND available_at <= @now) OR (status = 'running' AND lease_expires_at < @now))
       ORDER BY available_at, id LIMIT @limit)
     RETURNING id, kind, marketplace_id AS marketplaceId, account_id AS accountId, product_id AS productId,
       payload, attempts`,
  ).all({ accountId, limit, leaseId, until: iso(now + leaseMs), now: iso(now) });
  return rows.map((r) => ({ ...r, leaseId }));
}

/** Extends the leases of jobs still running in this worker. Returns the ids still held. */
export function renewLeases(jobs: Pick<ClaimedJob, "id" | "leaseId">[], leaseMs: number, now = Date.now()): number[] {
  const renew = statement(
    `UPDATE sync_jobs SET lease_expires_at = @until WHERE id = @id AND lease_id = @leaseId AND status = 'running'`,
  );
  return jobs.filter((j) => renew.run({ id: j.id, leaseId: j.leaseId, until: iso(now + leaseMs) }).changes === 1).map((j) => j.id);
}

/** The job did what it had to. If it was enqueued again meanwhile, it goes back to the queue. */
export function complete(job: Pick<ClaimedJob, "id" | "leaseId">, now = Date.now()): boolean {
  return (
    statement(
      `UPDATE sync_jobs SET
         status = CASE WHEN dirty = 1 THEN 'queued' ELSE 'done' END,
         attempts = CASE WHEN dirty = 1 THEN 0 ELSE attempts END,
         available_at = CASE WHEN dirty = 1 THEN @now ELSE available_at END,
         finished_at = CASE WHEN dirty = 1 THEN finished_at ELSE @now END,
         dirty = 0, lease_id = NULL, lease_expires_at = NULL, last_error = NULL, updated_at = @now
       WHERE id = @id AND lease_id = @leaseId AND status = 'running'`,
    ).run({ id: job.id, leaseId: job.leaseId, now: iso(now) }).changes === 1
  );
}

export type RetryDecision = "retry" | "dead" | "lost";
export type RetryPolicy = BackoffPolicy & { maxAttempts: number };

/**
 * A failure worth retrying: back to the queue after an exponential backoff with jitter, or
 * dead once the attempts are spent (a person sees it and can retry it).
 */
export function fail(job: ClaimedJob, error: string, policy: RetryPolicy, now = Date.now()): RetryDecision {
  if (job.attempts >= policy.maxAttempts) return bury(job, error, now) ? "dead" : "lost";
  const at = now + backoffDelay(job.attempts, policy);
  const changed = statement(
    `UPDATE sync_jobs SET status = 'queued', available_at = @at, dirty = 0, lease_id = NULL, lease_expires_at = NULL,
       last_error = @error, updated_at = @now
     WHERE id = @id AND lease_id = @leaseId AND status = 'running'`,
  ).run({ id: job.id, leaseId: job.leaseId, at: iso(at), error, now: iso(now) }).changes;
  return changed === 1 ? "retry" : "lost";
}

/** Rate-limited (or told to come back later): requeue after `delayMs`, giving the attempt back. */
export function retryAfter(job: Pick<ClaimedJob, "id" | "leaseId">, delayMs: number, note: string | null, now = Date.now()): boolean {
  return (
    statement(
      `UPDATE sync_jobs SET status = 'queued', available_at = @at, attempts = max(0, attempts - 1), dirty = 0,
         lease_id = NULL, lease_expires_at = NULL, last_error = coalesce(@note, last_error), updated_at = @now
       WHERE id = @id AND lease_id = @leaseId AND status = 'running'`,
    ).run({ id: job.id, leaseId: job.leaseId, at: iso(now + Math.max(0, delayMs)), note, now: iso(now) }).changes === 1
  );
}

/** Gives up: dead-letter, unless an edit arrived while it ran (then it gets a fresh start). */
export function bury(job: Pick<ClaimedJob, "id" | "leaseId">, error: string, now = Date.now()): boolean {
  return (
    statement(
      `UPDATE sync_jobs SET
         status = CASE WHEN dirty = 1 THEN 'queued' ELSE 'dead' END,
         attempts = CASE WHEN dirty = 1 THEN 0 ELSE attempts END,
         available_at = CASE WHEN dirty = 1 THEN @now ELSE available_at END,
         finished_at = CASE WHEN dirty = 1 THEN finished_at ELSE @now END,
         dirty = 0, lease_id = NULL, lease_expires_at = NULL, last_error = @error, updated_at = @now
       WHERE id = @id AND lease_id = @leaseId AND status = 'running'`,
    ).run({ id: job.id, leaseId: job.leaseId, error, now: iso(now) }).changes === 1
  );
}

/** A clean stop (SIGTERM): unfinished jobs go back to the queue at once, attempt given back. */
export function release(job: Pick<ClaimedJob, "id" | "leaseId">, now = Date.now()): boolean {
  return retryAfter(job, 0, null, now);
}

/**
 * Jobs whose worker died while their shop has since been disconnected or expired: nobody may claim
 * them until the shop is connected again, so they go back to the queue instead of showing as running.
 */
export function requeueOrphans(now = Date.now()): number {
  return statement(
    `UPDATE sync_jobs SET status = 'queued', lease_id = NULL, lease_expires_at = NULL, updated_at = @now
     WHERE status = 'running' AND lease_expires_at < @now
       AND account_id IN (SELECT id FROM marketplace_accounts WHERE status <> 'connected')`,
  ).run({ now: iso(now) }).changes;
}

/**
 * A person retries dead jobs: the given ones (an administrator), or a producer's (all of them, or
 * the given ones among theirs). They go back to the queue with fresh attempts. Returns how many.
 */
export function retryDead(filter: { producerId: number; jobIds?: number[] } | { jobIds: number[] }, now = Date.now()): number {
  const producerId = "producerId" in filter ? filter.producerId : null;
  const ids = filter.jobIds ? JSON.stringify(filter.jobIds) : null;
  return statement(
    `UPDATE sync_jobs SET status = 'queued', attempts = 0, available_at = @now, finished_at = NULL, updated_at = @now
     WHERE status = 'dead'
       AND (@producerId IS NULL OR account_id IN (SELECT id FROM marketplace_accounts WHERE producer_id = @producerId))
       AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))`,
  ).run({ producerId, ids, now: iso(now) }).changes;
}

/** Jobs per status (for the admin and the worker's log). */
export function queueStats(): Record<SyncJobStatus, number> {
  const rows = statement<[], { status: SyncJobStatus; n: number }>(`SELECT status, count(*) AS n FROM sync_jobs GROUP BY status`).all();
  const stats: Record<SyncJobStatus, number> = { queued: 0, running: 0, done: 0, dead: 0 };
  for (const r of rows) stats[r.status] = r.n;
  return stats;
}

/** A claimed registry copy merged into the claimant's product: its sync jobs name the claimant's product. */
export function reassignSyncJobs(_tx: Tx, fromProductId: number, toProductId: number): void {
  statement<[number, number]>(`UPDATE sync_jobs SET product_id = ? WHERE product_id = ?`).run(toProductId, fromProductId);
}
