// How long the server's own event loop is held while the largest files allowed are imported, and how
// long the warm import reader saves on a small XLSX. The server runs with scripts/bench/loop-delay.mjs
// preloaded (its event loop's delay, read by signal); /healthz is asked every 10 ms over HTTP meanwhile,
// as a load balancer would.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { toCsv } from "../../app/imports/csv";
import { MAX_IMPORT_ROWS } from "../../app/imports/import-limits";
import type { RunningServer } from "./server";
import { postForm, type BenchSession } from "./session";

const HEADER = ["Mã sản phẩm", "Tên sản phẩm", "Danh mục", "Đơn vị tính", "Khối lượng (g)", "Giá bán (đồng)", "Tồn kho", "Trạng thái", "Mô tả"];

/** The largest product sheets allowed, as tests/integration/import-limits.test.ts builds them. */
export async function largestSheets(): Promise<{ csv: Buffer; xlsx: Buffer }> {
  const short = "Mật ong hoa nhãn nguyên chất, thu hoạch tại Đồng Tháp. ".repeat(6);
  const csv = toCsv([HEADER, ...Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => [`LC-${i + 1}`, `Mật ong ${i + 1}`, "Mật ong", "hũ 500 g", "650", "150000", "5", "Đang bán", short])]);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sản phẩm");
  sheet.addRow(HEADER);
  const long = "Mật ong hoa nhãn nguyên chất, thu hoạch tại Đồng Tháp. ".repeat(30).slice(0, 1_200);
  for (let i = 1; i <= MAX_IMPORT_ROWS; i++) sheet.addRow([`LX-${i}`, `Mật ong ${i}`, "Mật ong", "hũ 500 g", 650, 150000, 5, "Đang bán", `${long} ${i}`]);
  return { csv, xlsx: Buffer.from(await book.xlsx.writeBuffer()) };
}

type LoopDelay = { maxMs: number; p99Ms: number; meanMs: number };

/** The server's loop delay since the last call (scripts/bench/loop-delay.mjs answers SIGUSR2). */
async function loopDelay(server: RunningServer & { pid: number }, file: string): Promise<LoopDelay> {
  const before = (() => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return "";
    }
  })();
  process.kill(server.pid, "SIGUSR2");
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    try {
      const text = readFileSync(file, "utf8");
      if (text !== before) return JSON.parse(text) as LoopDelay;
    } catch {
      // not written yet
    }
  }
  throw new Error("the server did not write its loop delay (was scripts/bench/loop-delay.mjs preloaded?)");
}

/** Runs `work` while /healthz is asked every 10 ms: its slowest answer, and the server's loop delay. */
async function measured<T>(server: RunningServer & { pid: number }, file: string, work: () => Promise<T>) {
  await loopDelay(server, file); // a new measure from here
  let running = true;
  let slowest = 0;
  let answers = 0;
  const probing = (async () => {
    while (running) {
      const sent = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      await res.text();
      slowest = Math.max(slowest, performance.now() - sent);
      answers += 1;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await probing;
  return { value, seconds, slowest, answers, loop: await loopDelay(server, file) };
}

export async function benchLargestImports(server: RunningServer & { pid: number }, s: BenchSession, file: string): Promise<Record<string, string>[]> {
  const { csv, xlsx } = await largestSheets();
  const table: Record<string, string>[] = [];
  for (const [label, bytes, name] of [
    ["CSV", csv, "lon-nhat.csv"],
    ["XLSX", xlsx, "lon-nhat.xlsx"],
  ] as const) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), name);
    const preview = await measured(server, file, () => postForm(s, "/kenh-nguoi-ban/nhap-xuat", form));
    if (preview.value.status !== 302 || !preview.value.location) throw new Error(`preview: HTTP ${preview.value.status} ${preview.value.body.slice(0, 300)}`);
    const confirm = new FormData();
    confirm.set("intent", "valid_only");
    const done = await measured(server, file, () => postForm(s, preview.value.location!, confirm));
    if (done.value.status !== 302) throw new Error(`import: HTTP ${done.value.status} ${done.value.body.slice(0, 300)}`);
    for (const [step, m] of [
      ["upload + read + check", preview],
      ["import (one transaction)", done],
    ] as const) {
      table.push({
        file: `${label}, ${MAX_IMPORT_ROWS} rows, ${(bytes.length / 1e6).toFixed(1)} MB`,
        step,
        "time (s)": m.seconds.toFixed(2),
        "loop held, max (ms)": String(m.loop.maxMs),
        "loop delay p99 (ms)": String(m.loop.p99Ms),
        "/healthz slowest (ms)": m.slowest.toFixed(0),
        "/healthz answers": String(m.answers),
      });
    }
  }
  return table;
}

/** A small XLSX previewed `runs` times in a row through the server: the first, and the others' median. */
export async function benchSmallXlsx(s: BenchSession, runs = 8): Promise<Record<string, string>> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sản phẩm").addRows([HEADER, ...Array.from({ length: 20 }, (_, i) => [`SX-${i}`, `Mắm tép ${i}`, "Mật ong", "hũ", 650, 85000, 5, "Bản nháp", "Ngon"])]);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), "nho.xlsx");
    const started = performance.now();
    const r = await postForm(s, "/kenh-nguoi-ban/nhap-xuat", form);
    times.push(performance.now() - started);
    if (r.status !== 302) throw new Error(`small XLSX preview: HTTP ${r.status}`);
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  return {
    file: `XLSX, 20 rows, ${(bytes.length / 1024).toFixed(0)} kB, previewed ${runs} times in a row`,
    "first (ms)": times[0]!.toFixed(0),
    "next, median (ms)": rest[Math.floor(rest.length / 2)]!.toFixed(0),
    "next, max (ms)": rest.at(-1)!.toFixed(0),
  };
}
