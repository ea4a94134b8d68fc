// Paces calls to one shop at a steady rate: each call reserves the next free slot, slots are
// 1/rate apart on a fixed schedule (a late timer does not push the following slots back), and
// a throttle answer pauses the schedule. This keeps the worker just under a marketplace's limit
// instead of bursting into it and backing off.
export class Pacer {
  private next = 0;
  private pausedUntil = 0;
  constructor(private perSecond: number) {}

  setRate(perSecond: number): void {
    this.perSecond = perSecond;
  }

  get rate(): number {
    return this.perSecond;
  }

  /** Reserves a slot; returns how many ms to wait for it. */
  reserve(now: number): number {
    const interval = 1000 / this.perSecond;
    const slot = Math.max(now, this.next, this.pausedUntil);
    this.next = slot + interval;
    return slot - now;
  }

  /** The marketplace said "slow down": no call before `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
