// Every problem a marketplace adapter (or the connector around it) can report about a listing is
// shown as ONE sentence saying what to do, in Vietnamese and English; a code the interface does not
// know gets the generic sentence (the page shows the raw code beside it).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en, vi } from "~/i18n/messages";
import { LISTING_ERROR_CODES, legacyErrorCode, problemKey } from "~/marketplaces/listing-errors";

const DIR = join(__dirname, "../../app/marketplaces");

/** The codes written in the connector's source: adapters' reason maps and returns, and the errors it stores. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /reason:\s*"([a-z_]+)"/g, // { reason: "duplicate", … }
    /return\s+"([a-z_]+)";/g, // auditReason(): return "photo_invalid";
    /REASONS\[[^\]]*\]\s*\?\?\s*"([a-z_]+)"/g, // REASONS[code] ?? "other"
    /error:\s*\{\s*code:\s*"([a-z_]+)"/g, // updateListing(…, { error: { code: "photo_missing" } })
    /noteOnListing\(job,\s*"([a-z_]+)"/g,
  ];
  // order-import.server.ts returns order statuses, not listing problems.
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".ts") && f !== "order-import.server.ts")) {
    const text = readFileSync(join(DIR, file), "utf8");
    for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[1]!, file);
    // Every value of a provider-code → reason table (REASONS, FIELD_REASONS).
    for (const table of text.matchAll(/const \w*REASONS\w*[^=]*=\s*\{([\s\S]*?)\};/g)) {
      for (const m of table[1]!.matchAll(/:\s*"([a-z_]+)"/g)) found.set(m[1]!, file);
    }
  }
  return found;
}

describe("listing problems", () => {
  it("has one sentence per code, in Vietnamese and English, saying what to do", () => {
    for (const code of LISTING_ERROR_CODES) {
      const key = problemKey(code);
      expect(key, code).toBe(`connector.error.${code}`);
      expect(vi[key].length, code).toBeGreaterThan(10);
      expect(en[key].length, code).toBeGreaterThan(10);
    }
  });

  it("maps every code the adapters and the connector emit", () => {
    const emitted = codesInSource();
    expect(emitted.size).toBeGreaterThan(10); // the scan sees the adapters' tables
    const unmapped = [...emitted].filter(([code]) => !(LISTING_ERROR_CODES as readonly string[]).includes(code)).map(([c, f]) => `${c} (${f})`);
    expect(unmapped).toEqual([]);
  });

  it("gives a code it does not know the generic sentence", () => {
    expect(problemKey("E_NEW_SHOPEE_RULE")).toBe("connector.error.unknown");
    expect(vi["connector.error.unknown"]).toMatch(/mã lỗi/);
  });

  it("reads the sentences listings kept before errors were codes", () => {
    expect(legacyErrorCode("ApiCallLimit: vượt giới hạn gọi API, sẽ thử lại")).toBe("retrying");
    expect(legacyErrorCode("Phiên đăng nhập sàn đã hết hạn, cần kết nối lại tài khoản")).toBe("auth_expired");
    expect(legacyErrorCode("no usable credentials for this shop")).toBe("auth_expired");
    expect(legacyErrorCode("Sàn không phản hồi (hết thời gian chờ)")).toBe("unavailable");
    expect(legacyErrorCode("Thiếu thông tin thương hiệu (brand) hợp lệ")).toBe("attribute_missing");
    expect(legacyErrorCode("Trùng lặp với sản phẩm đã có trên Tiki")).toBe("duplicate");
    expect(legacyErrorCode("Lỗi lạ")).toBeNull();
  });
});
