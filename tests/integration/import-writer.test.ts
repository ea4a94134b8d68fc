// The import's write step (one synchronous transaction, ~1 s for the largest import allowed) runs in the
// import writer's thread on its own database connection: while the largest product import is written,
// /healthz keeps answering on the web thread, the transaction ran in another thread, and a write that
// fails there leaves nothing half-written and tells the caller, as a failed transaction always did.
import { threadId } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { getImport } from "~/imports/imports.server";
import { MAX_IMPORT_ROWS } from "~/imports/import-limits";
import { writerStats } from "~/imports/import-writer.server";
import { progressReporter } from "~/imports/progress.server";
import { previewProductImport, runProductImport } from "~/seller/import/product-import.server";
import { expectLive, PROBE_TOKEN, withHealthProbe } from "../../scripts/fixtures/health-probe";
import { makeProducer } from "../../scripts/fixtures/workspace";

const HEADER = ["Mã sản phẩm", "Tên sản phẩm", "Danh mục", "Đơn vị tính", "Khối lượng (g)", "Giá bán (đồng)", "Tồn kho", "Trạng thái", "Mô tả"];

/** The largest products sheet allowed: MAX_IMPORT_ROWS rows, each a new product. */
function sheet(prefix: string, rows = MAX_IMPORT_ROWS): Uint8Array {
  const description = "Mật ong hoa nhãn nguyên chất, thu hoạch tại Đồng Tháp. ".repeat(4);
  const lines = [HEADER.join(",")];
  for (let i = 1; i <= rows; i++) lines.push([`${prefix}-${i}`, `Mật ong ${prefix} ${i}`, "Mật ong", "hũ 500 g", "650", "150000", "5", "Đang bán", `"${description}"`].join(","));
  return new TextEncoder().encode(lines.join("\r\n"));
}

const productCount = (producerId: number) =>
  (db().$client.prepare("SELECT count(*) AS n FROM products WHERE producer_id = ?").get(producerId) as { n: number }).n;

let producer: Awaited<ReturnType<typeof makeProducer>>;
beforeAll(async () => {
  producer = await makeProducer("HTX Ghi Nhanh");
});

async function previewed(prefix: string, rows?: number): Promise<number> {
  const outcome = await previewProductImport(producer.producerId, producer.member!.id, { filename: `${prefix}.csv`, bytes: sheet(prefix, rows) });
  if (!outcome.ok) throw new Error(`preview refused: ${outcome.problem}`);
  return outcome.importId;
}

describe("the import's write step, in the writer thread", () => {
  it("keeps /healthz answering while the largest product import allowed is written", async () => {
    const importId = await previewed("W");
    const userId = producer.member!.id;
    const probe = await withHealthProbe(userId, () => runProductImport(producer.producerId, importId, "valid_only", progressReporter(userId, PROBE_TOKEN)), "writing");
    const written = writerStats();
    console.info(
      `largest import written: transaction ${written.lastMs.toFixed(0)} ms in thread ${written.lastThreadId}, rows handed over in ${written.lastPostMs.toFixed(1)} ms; ` +
        `/healthz answered ${probe.answeredWhileReading} times meanwhile, slowest ${probe.slowestMs.toFixed(1)} ms`,
    );
    expect(probe.result).toEqual({ ok: true, result: expect.objectContaining({ importedRows: MAX_IMPORT_ROWS, createdProducts: MAX_IMPORT_ROWS }) });
    expect(productCount(producer.producerId)).toBe(MAX_IMPORT_ROWS);
    expect(getImport({ kind: "products", producerId: producer.producerId }, importId)!.status).toBe("imported");
    // The transaction ran in another thread, and no answer waited for a good part of it.
    expect(written.lastThreadId).not.toBe(threadId);
    expectLive(probe);
    expect(probe.slowestMs).toBeLessThan(written.lastMs / 2);
  }, 180_000);

  it("leaves nothing written when the transaction fails in the writer, says so, and the next import is written", async () => {
    const before = productCount(producer.producerId);
    const importId = await previewed("F", 500);
    // A row the database refuses halfway through the file (a trigger every connection sees).
    db().$client.exec(`CREATE TRIGGER refuse_row BEFORE INSERT ON products WHEN NEW.name = 'Mật ong F 250' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    try {
      await expect(runProductImport(producer.producerId, importId, "valid_only")).rejects.toThrow(/was not written: .*refused by the test/);
    } finally {
      db().$client.exec("DROP TRIGGER refuse_row");
    }
    expect(productCount(producer.producerId)).toBe(before);
    expect(getImport({ kind: "products", producerId: producer.producerId }, importId)!.status).toBe("previewed");
    const retried = await runProductImport(producer.producerId, importId, "valid_only");
    expect(retried).toEqual({ ok: true, result: expect.objectContaining({ createdProducts: 500 }) });
    expect(productCount(producer.producerId)).toBe(before + 500);
    // Imported meanwhile (another tab): refused from the writer as before.
    expect(await runProductImport(producer.producerId, importId, "valid_only")).toEqual({ ok: false, error: "import.error.done" });
  }, 120_000);
});
