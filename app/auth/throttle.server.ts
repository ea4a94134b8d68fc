// Log-in and sign-up throttling, per account (the e-mail typed) and per network (an IPv4 address, an
// IPv6 /64: see clientAddress). Kept in the web process's memory, not the database: there is one web
// process (scripts/serve.ts), a check costs no write on the hot path of a failed log-in, and nothing needs a migration. A restart forgets
// the counts, which only an operator can cause. Memory is bounded: each counter keeps at most `limit`
// times, and past `maxKeys` keys the least recently touched go first.
import { isIPv4, isIPv6 } from "node:net";

export type ThrottleRule = { limit: number; windowMs: number };

export class Throttle {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly rule: ThrottleRule,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again (0: now). */
  waitMs(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    return times.length < this.rule.limit ? 0 : times[0]! + this.rule.windowMs - now;
  }

  hit(key: string, now = Date.now()): void {
    const times = this.recent(key, now);
    times.push(now);
    if (times.length > this.rule.limit) times.shift();
    this.hits.delete(key); // re-inserted last: the map's order is the least recently touched first
    this.hits.set(key, times);
    for (const oldest of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(oldest);
    }
  }

  clear(key: string): void {
    this.hits.delete(key);
  }

  get size(): number {
    return this.hits.size;
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > now - this.rule.windowMs && t <= now);
  }
}

const MINUTE = 60_000;

/** Wrong passwords: 5 per account and 30 per address in 15 minutes. A right one clears the account's count. */
export const loginFailures = { account: new Throttle({ limit: 5, windowMs: 15 * MINUTE }), address: new Throttle({ limit: 30, windowMs: 15 * MINUTE }) };

/**
 * Sign-up attempts that pass the form's checks: 5 per e-mail in 15 minutes (probing which e-mails
 * have accounts), 30 accounts per address an hour (a school or an office shares one address).
 */
export const signupAttempts = { account: new Throttle({ limit: 5, windowMs: 15 * MINUTE }), address: new Throttle({ limit: 30, windowMs: 60 * MINUTE }) };

export type ThrottleKeys = { account: string; address: string };

/** Whole minutes to wait before trying again (at least 1), or 0 when the attempt may go ahead. */
export function minutesToWait(throttles: { account: Throttle; address: Throttle }, keys: ThrottleKeys, now = Date.now()): number {
  const ms = Math.max(throttles.account.waitMs(keys.account, now), throttles.address.waitMs(keys.address, now));
  return ms > 0 ? Math.max(1, Math.ceil(ms / MINUTE)) : 0;
}

export function countAttempt(throttles: { account: Throttle; address: Throttle }, keys: ThrottleKeys, now = Date.now()): void {
  throttles.account.hit(keys.account, now);
  throttles.address.hit(keys.address, now);
}

/**
 * The visitor's network, as throttling counts it, from the address the web server put in the load
 * context (scripts/serve.ts): an IPv4 address as it is, an IPv6 one by its /64. One subscriber, one
 * host or one VM gets a whole /64 and may use any of its 2^64 addresses, so counting each address
 * alone would let one attacker take a fresh address for every try.
 */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | null)?.clientAddress;
  return typeof address === "string" && address !== "" ? throttleKey(address) : "unknown";
}

/** "203.0.113.7" → "203.0.113.7"; "::ffff:203.0.113.7" → "203.0.113.7"; "2001:db8:1:2:…" → "2001:db8:1:2::/64". */
export function throttleKey(address: string): string {
  const bare = address.replace(/%.*$/, ""); // a zone ("fe80::1%eth0") names an interface, not a network
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === "0") && groups[5] === "ffff") {
    // An IPv4 client of a dual-stack socket ("::ffff:203.0.113.7"): counted as that IPv4 address.
    const [hi, lo] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address, each without leading zeros ("::" expanded, a dotted tail as two groups). */
function ipv6Groups(address: string): string[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((g) => parseInt(g, 16).toString(16));
}
