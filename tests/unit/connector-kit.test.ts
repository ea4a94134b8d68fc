import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffDelay } from "~/marketplaces/backoff";
import { retryAfterMs } from "~/marketplaces/http.server";
import { Pacer } from "~/marketplaces/pacer";

describe("backoffDelay", () => {
  const policy = { baseMs: 1000, capMs: 30_000 };
  it("doubles per attempt, with half of it random, up to the cap", () => {
    expect(backoffDelay(1, policy, 0)).toBe(500);
    expect(backoffDelay(1, policy, 0.999)).toBe(1000);
    expect(backoffDelay(3, policy, 0)).toBe(2000);
    expect(backoffDelay(20, policy, 0.5)).toBe(22_500);
  });
});

describe("Pacer", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  /** When each of n calls may go out, in ms from now. */
  async function releases(p: Pacer, n: number, until = 5_000): Promise<number[]> {
    const start = Date.now();
    const times: number[] = [];
    for (let i = 0; i < n; i++) void p.acquire().then(() => times.push(Date.now() - start));
    await vi.advanceTimersByTimeAsync(until);
    return times;
  }

  it("lets calls out one interval apart, never in a bunch", async () => {
    expect(await releases(new Pacer(10), 4)).toEqual([0, 100, 200, 300]);
  });

  it("saves up at most one and a half calls while idle", async () => {
    const p = new Pacer(10);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await releases(p, 3)).toEqual([0, 50, 150]);
  });

  it("empties and waits out a pause after a throttle answer", async () => {
    const p = new Pacer(100);
    p.pause(Date.now() + 500);
    expect(await releases(p, 2)).toEqual([510, 520]);
  });

  it("lets an aborted caller go without taking a slot", async () => {
    const p = new Pacer(10);
    await p.acquire();
    const abort = new AbortController();
    const gone = p.acquire(abort.signal).catch(() => "aborted");
    abort.abort(new Error("stop"));
    expect(await gone).toBe("aborted");
    expect(await releases(p, 1)).toEqual([100]);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and says nothing when there is nothing", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
    const at = new Date(Date.now() + 5000).toUTCString();
    expect(retryAfterMs(at)).toBeGreaterThan(3000);
  });
});
