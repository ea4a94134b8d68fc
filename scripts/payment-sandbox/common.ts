// Shared parts of the payment sandbox: its configuration, the misbehaviour switches, webhook
// delivery (in the background, as real providers do, with retries) and the HTML page shell.
import { readSandboxConfig } from "./config";

/** Read once from the environment (its own variables, see ./config.ts); a test may point it elsewhere. */
export const config = readSandboxConfig(process.env);

/** What the sandbox is told to do wrong (POST /__sandbox/behaviour), until reset. */
export type Behaviour = {
  /** API create calls (Stripe sessions, MoMo create) answer with an error. */
  failCreate: boolean;
  /** Webhooks wait this long before they are sent. */
  delayMs: number;
  /** Every webhook is delivered twice. */
  twice: boolean;
  /** Webhooks of one payment are sent in reverse order (Stripe: succeeded before completed). */
  outOfOrder: boolean;
  /** Webhooks are not sent at all (the app must fall back on its expiry job). */
  drop: boolean;
  /** Creates succeed but their answer is lost (the connection is cut): a timeout, seen from the app. */
  loseAnswer: boolean;
  /** Refunds are refused by the provider (Stripe 400, VNPay 95, MoMo 1080). */
  failRefund: boolean;
  /** Stripe refunds stay "pending" instead of "succeeded". */
  refundPending: boolean;
};
export const DEFAULT_BEHAVIOUR: Behaviour = {
  failCreate: false,
  delayMs: 0,
  twice: false,
  outOfOrder: false,
  drop: false,
  loseAnswer: false,
  failRefund: false,
  refundPending: false,
};
export const behaviour: Behaviour = { ...DEFAULT_BEHAVIOUR };
/**
 * Behaviour for some payments only: those whose key (the Stripe customer e-mail, the MoMo or
 * VNPay order reference) contains `match`. Lets parallel tests misbehave without disturbing each other.
 */
export const scoped: (Partial<Behaviour> & { match: string })[] = [];

export function behaviourFor(key: string | null | undefined): Behaviour {
  const rule = key ? scoped.find((r) => key.includes(r.match)) : undefined;
  return { ...behaviour, ...rule };
}

export type Delivery = { provider: string; key: string | null; url: string; status: number | null; attempt: number; at: string; body: string };
export const deliveries: Delivery[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outgoing = { provider: string; url: string; method: "GET" | "POST"; headers?: Record<string, string>; body?: string; ok: (status: number, text: string) => boolean };

async function sendOnce(m: Outgoing, key: string | null): Promise<void> {
  for (let attempt = 1; attempt <= 4; attempt++) {
    let status: number | null = null;
    let text = "";
    try {
      const res = await fetch(m.url, { method: m.method, headers: m.headers, body: m.body, signal: AbortSignal.timeout(10_000) });
      status = res.status;
      text = await res.text();
    } catch {
      status = null;
    }
    deliveries.push({ provider: m.provider, key, url: m.url, status, attempt, at: new Date().toISOString(), body: text.slice(0, 500) });
    if (deliveries.length > 500) deliveries.splice(0, deliveries.length - 500);
    if (status !== null && m.ok(status, text)) return;
    await sleep(500 * 2 ** attempt);
  }
}

/**
 * Sends a provider's notifications in the background, in order, honouring the behaviour
 * switches, and retrying each (like the real ones) until the merchant acknowledges it.
 */
export function deliver(messages: Outgoing[], key: string | null = null): void {
  const b = behaviourFor(key);
  if (b.drop) return;
  const ordered = b.outOfOrder ? [...messages].reverse() : messages;
  void (async () => {
    if (b.delayMs > 0) await sleep(b.delayMs);
    for (const m of ordered) {
      await sendOnce(m, key);
      if (b.twice) await sendOnce(m, key);
    }
  })();
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function formatVnd(n: number): string {
  return new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(n);
}

/** A small, self-contained page (no scripts: the pay pages are plain forms). */
export function page(title: string, brand: string, colour: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d2421}
header{background:${colour};color:#fff;padding:.8rem 1rem;font-weight:800}
header small{font-weight:400;opacity:.85;margin-left:.5rem}
main{max-width:520px;margin:1rem auto;background:#fff;border-radius:10px;padding:1.25rem;box-shadow:0 1px 4px rgb(0 0 0/10%)}
.amount{font-size:1.8rem;font-weight:800;margin:.25rem 0 1rem}
button{font:inherit;font-weight:700;border:0;border-radius:8px;padding:.7rem 1rem;margin:.25rem .25rem .25rem 0;cursor:pointer;background:${colour};color:#fff}
button.alt{background:#fff;color:#333;border:1px solid #bbb}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
input,textarea,select{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #bbb;border-radius:6px}
.muted{color:#666;font-size:.9rem} .error{color:#a32121;font-weight:700} dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem} dd{margin:0}
</style></head><body><header>${escapeHtml(brand)}<small>sandbox · không dùng tiền thật</small></header><main>${body}</main></body></html>`;
}

export function randomDigits(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
  return s;
}

export function randomId(n: number): string {
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < n; i++) s += abc[Math.floor(Math.random() * abc.length)];
  return s;
}
