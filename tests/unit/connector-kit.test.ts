import { describe, expect, it } from "vitest";
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
  it("spaces calls 1/rate apart on a fixed schedule", () => {
    const p = new Pacer(10);
    expect([p.reserve(0), p.reserve(0), p.reserve(0)]).toEqual([0, 100, 200]);
    // A late caller does not push the schedule back beyond its own arrival.
    expect(p.reserve(1000)).toBe(0);
    expect(p.reserve(1000)).toBe(100);
  });

  it("waits out a pause", () => {
    const p = new Pacer(100);
    p.pause(500);
    expect(p.reserve(0)).toBe(500);
    expect(p.reserve(0)).toBe(510);
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
