// @ts-check
// Reads uploaded sheets' rows in a worker thread, off the web server's event loop, so requests keep
// being served while a 10 MB file is parsed; the thread has its own heap ceiling (sheet-reader.server.ts
// starts it with resourceLimits), so a file that would need too much memory kills only this thread.
// Plain JavaScript on purpose: Node runs it as it is under Vite's dev server, tsx and vitest; the
// production build emits it beside the server bundle (build/server/, scripts/import-reader-build.ts).
//
// The thread stays alive between files (sheet-reader.server.ts keeps it warm, so ExcelJS is loaded
// once) and reads one file at a time. In: a message { job, format: "csv" | "xlsx", bytes: Uint8Array,
// limits, scratch } (scratch: the job's own folder for temporary files). Out: messages
// { job, rows: [line, cells][] } a batch at a time, then { job, done: true } or { job, problem }. The
// caps are enforced row by row while reading: the first row over one stops the reading.
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parentPort } from "node:worker_threads";
import { parse } from "csv-parse";

const require = createRequire(import.meta.url);

/**
 * ExcelJS, loaded only for an XLSX (it takes a while). Its streaming reader decodes each inflated chunk
 * on its own (lib/utils/parse-sax.js), so a Vietnamese letter whose UTF-8 bytes straddle two chunks
 * turns into "��"; its XML reader is replaced, in this thread only and before ExcelJS loads, by the
 * same one with a streaming UTF-8 decoder (parseSax below).
 * @returns {typeof import("exceljs")}
 */
function loadExcelJS() {
  if (excelJS) return excelJS;
  require.cache[require.resolve("exceljs/lib/utils/parse-sax.js")] = /** @type {NodeJS.Module} */ (
    /** @type {unknown} */ ({ loaded: true, exports: parseSax })
  );
  trackTemporaryFiles();
  excelJS = /** @type {typeof import("exceljs")} */ (require("exceljs"));
  return excelJS;
}
/** @type {typeof import("exceljs") | null} */
let excelJS = null;

/** What removes each temporary file of the current job (the file, and the descriptor tmp keeps open). */
/** @type {(() => void)[]} */
let temporaryFiles = [];

/**
 * ExcelJS parks a worksheet in a file from the `tmp` package and, when it reads only the first sheet,
 * neither closes its descriptor nor removes it until the thread exits: a warm thread would keep one
 * open descriptor per file it read. Each file `tmp` makes is noted, and removed at the job's end.
 */
function trackTemporaryFiles() {
  const tmp = createRequire(require.resolve("exceljs"))("tmp");
  const file = tmp.file;
  tmp.file = (/** @type {unknown[]} */ ...args) => {
    const callback = /** @type {(err: Error | null, path: string, fd: number, cleanup: () => void) => void} */ (args.pop());
    file(...args, (/** @type {Error | null} */ err, /** @type {string} */ path, /** @type {number} */ fd, /** @type {() => void} */ cleanup) => {
      if (!err) temporaryFiles.push(cleanup);
      callback(err, path, fd, cleanup);
    });
  };
}

function removeTemporaryFiles() {
  for (const cleanup of temporaryFiles) {
    try {
      cleanup();
    } catch {
      // already gone
    }
  }
  temporaryFiles = [];
}

/** ExcelJS's parse-sax, with the chunks decoded as one UTF-8 stream. */
async function* parseSax(/** @type {AsyncIterable<Buffer | string>} */ iterable) {
  const asExcelJS = createRequire(require.resolve("exceljs")); // its own dependencies, as it finds them
  const { SaxesParser } = asExcelJS("saxes");
  const { PassThrough } = asExcelJS("readable-stream");
  const source = /** @type {any} */ (iterable);
  if (source.pipe && !source[Symbol.asyncIterator]) iterable = source.pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new StringDecoder("utf8");
  /** @type {Error | null} */
  let error = null;
  /** @type {{ eventType: string; value: unknown }[]} */
  let events = [];
  parser.on("error", (e) => (error = e));
  parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
  parser.on("text", (value) => events.push({ eventType: "text", value }));
  parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

/** @typedef {"import.file.tooManyRows" | "import.file.tooMuchContent" | "import.file.corrupt" | "import.file.encoding" | "import.file.unknown"} Problem */
/** @typedef {{ rows: number; cells: number; cellChars: number; recordBytes: number }} Limits */
/** @typedef {{ job: number; format: "csv" | "xlsx"; bytes: Uint8Array; limits: Limits; scratch: string }} Job */
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

/** Rows sent in one message: small messages keep the web thread's share of the copying short. */
const BATCH_ROWS = 500;
/** Bytes of CSV decoded and handed to the parser at a time. */
const CSV_SLICE_BYTES = 64 * 1024;

/** One file's reading: its caps, its counts, the rows not sent yet. */
class Reading {
  /** @param {Job} job */
  constructor(job) {
    this.job = job.job;
    this.bytes = job.bytes;
    this.limits = job.limits;
    this.nonEmpty = 0;
    this.cellCount = 0;
    /** @type {[number, string[]][]} */
    this.batch = [];
  }

  /** Keeps a row, or says which cap it passes. @returns {Problem | null} */
  keep(/** @type {number} */ line, /** @type {string[]} */ cells) {
    const limits = this.limits;
    this.cellCount += cells.length;
    if (cells.some((c) => c.trim() !== "")) this.nonEmpty += 1;
    if (this.nonEmpty > limits.rows) return "import.file.tooManyRows";
    if (this.cellCount > limits.cells || cells.some((c) => c.length > limits.cellChars)) return "import.file.tooMuchContent";
    this.batch.push([line, cells]);
    if (this.batch.length >= BATCH_ROWS) this.flush();
    return null;
  }

  flush() {
    if (this.batch.length > 0) port.postMessage({ job: this.job, rows: this.batch });
    this.batch = [];
  }
}

/** @returns {Promise<Problem | null>} */
async function readCsv(/** @type {Reading} */ reading) {
  const { bytes, limits } = reading;
  const decoder = new TextDecoder("utf-8", { fatal: true }); // drops a leading BOM
  /** @type {import("csv-parse").Parser | null} */
  let parser = null;
  /** @type {Problem | null} */
  let problem = null;
  let line = 0;
  /** @type {Promise<void>} */
  let finished = Promise.resolve();
  const start = (/** @type {string} */ firstText) => {
    const firstLine = firstText.slice(0, firstText.search(/\r?\n|$/));
    // Excel in a Vietnamese locale saves ";"-separated CSV (the comma is the decimal mark).
    const delimiter = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
    const p = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, relax_quotes: false, max_record_size: limits.recordBytes });
    p.on("data", (/** @type {string[]} */ cells) => {
      if (!problem) problem = reading.keep(++line, cells);
    });
    finished = new Promise((resolve) => {
      p.on("end", resolve);
      p.on("error", () => {
        problem ??= "import.file.corrupt";
        resolve();
      });
    });
    return p;
  };
  for (let at = 0; at < bytes.length && !problem; at += CSV_SLICE_BYTES) {
    let text;
    try {
      text = decoder.decode(bytes.subarray(at, at + CSV_SLICE_BYTES), { stream: at + CSV_SLICE_BYTES < bytes.length });
    } catch {
      return "import.file.encoding";
    }
    if (text.includes("\u0000")) return "import.file.unknown";
    parser ??= start(text);
    if (!parser.write(text)) await new Promise((resolve) => parser?.once("drain", resolve));
    await new Promise((resolve) => setImmediate(resolve)); // lets the parser's events run before the next slice
  }
  if (problem) return problem;
  if (parser) {
    parser.end();
    await finished;
  }
  return problem;
}

/** The first worksheet, row by row as the zip is inflated (ExcelJS's streaming reader). @returns {Promise<Problem | null>} */
async function readXlsx(/** @type {Reading} */ reading) {
  const { bytes } = reading;
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const ExcelJS = loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache", // to tell dates from numbers
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = /** @type {unknown[]} */ (row.values);
      const cells = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (!cells.some((c) => c !== "")) continue; // as the in-memory reader skipped empty rows
      const problem = reading.keep(row.number, cells);
      if (problem) return problem;
    }
    return null; // the first sheet only
  }
  return "import.file.corrupt"; // no worksheet at all
}

/** A cell as the text a person sees: numbers plainly, dates as dd/MM/yyyy, formulas by their result. @returns {string} */
function cellText(/** @type {unknown} */ value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Excel dates are calendar dates; ExcelJS gives them as midnight UTC.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const [y, m, d] = value.toISOString().slice(0, 10).split("-");
    return `${d}/${m}/${y}`;
  }
  if (typeof value === "object") {
    const v = /** @type {{ richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string }} */ (value);
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return "";
  }
  return String(value);
}

/** Reads one file and answers for it; the thread then waits for the next. */
async function run(/** @type {Job} */ job) {
  // The job's temporary files (ExcelJS's parked worksheets) go in its own folder (os.tmpdir() reads these).
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = job.scratch;
  const reading = new Reading(job);
  let problem;
  try {
    problem = job.format === "xlsx" ? await readXlsx(reading) : await readCsv(reading);
  } catch {
    problem = "import.file.corrupt";
  } finally {
    removeTemporaryFiles();
  }
  if (problem) port.postMessage({ job: job.job, problem });
  else {
    reading.flush();
    port.postMessage({ job: job.job, done: true });
  }
}

/** Files are read one after another, in the order they come. */
let queue = Promise.resolve();
port.on("message", (/** @type {Job} */ job) => {
  queue = queue.then(() => run(job));
});
