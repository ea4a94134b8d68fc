// Paces calls to one shop at its configured rate with a small token bucket on our side: a call
// goes out when a token is there, tokens come back at `rate` per second, and at most
// `capacity` (1.5) can pile up. Counting at the moment of sending (not at a schedule made in
// advance) means a stalled event loop cannot release a bunch of calls at once, while the half
// token of slack absorbs ordinary timer lateness, so the worker runs just under a
// marketplace's limit instead of bursting into it and backing off. A throttle answer empties
// the bucket and pauses it.
type Waiter = { resolve: () => void; reject: (reason: unknown) => void; signal?: AbortSignal };

export class Pacer {
  private tokens = 1;
  private at = Date.now();
  private pausedUntil = 0;
  private queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private perSecond: number,
    private readonly capacity = 1.5,
  ) {}

  setRate(perSecond: number): void {
    this.refill(Date.now());
    this.perSecond = perSecond;
  }

  get rate(): number {
    return this.perSecond;
  }

  /** Resolves when the call may go out. */
  acquire(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { resolve, reject, signal };
      signal?.addEventListener(
        "abort",
        () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(signal.reason);
        },
        { once: true },
      );
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** The marketplace said "slow down": nothing before `until`, and no saved-up tokens after. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.tokens = 0;
    this.at = Math.max(this.at, until);
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
      this.at = now;
    }
  }

  private pump = (): void => {
    if (this.timer) return;
    const now = Date.now();
    if (now >= this.pausedUntil) {
      this.refill(now);
      while (this.queue.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.queue.shift()!.resolve();
      }
    }
    if (this.queue.length === 0) return;
    const wait = Math.max(this.pausedUntil - now, ((1 - this.tokens) * 1000) / this.perSecond, 1);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, Math.ceil(wait));
  };
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
