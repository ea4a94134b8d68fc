// The notes the app writes itself are codes with parameters, read in the reader's language; a note
// written before (free text) is shown as it was.
import { describe, expect, it } from "vitest";
import { en, translator, vi } from "~/i18n/messages";
import { NOTE_CODES, REFUND_REASONS, note, readNote, renderNote } from "~/i18n/notes";

describe("stored notes", () => {
  it("has a Vietnamese and an English sentence for every code and refund reason", () => {
    for (const code of NOTE_CODES) {
      expect(vi[`notes.${code}`], code).toBeTruthy();
      expect(en[`notes.${code}`], code).toBeTruthy();
    }
    for (const r of REFUND_REASONS) expect(en[`refundReason.${r}`]).toBeTruthy();
  });

  it("renders a code with its parameters in each language, money as 150.000 ₫", () => {
    const stored = note("refunded", { amount: 239_000, reason: "damaged", text: "Hũ bị nứt" });
    expect(renderNote(translator("vi"), stored)).toBe("Nhà sản xuất đã hoàn 239.000\u00a0₫. Lý do: Hàng hư hỏng hoặc giao sai (Hũ bị nứt).");
    expect(renderNote(translator("en"), stored)).toBe("The producer refunded 239.000\u00a0₫. Reason: Damaged or wrong goods (Hũ bị nứt).");
    expect(renderNote(translator("en"), note("cod_collected"))).toBe("Cash collected on delivery.");
    expect(renderNote(translator("vi"), note("amount_mismatch", { received: 200_000, expected: 239_000, ref: "FT1" }))).toBe(
      "Nhận 200.000\u00a0₫ thay vì 239.000\u00a0₫: nhà sản xuất cần kiểm tra.",
    );
  });

  it("shows a legacy text as it is, and nothing for no note", () => {
    expect(readNote("Ghi chú cũ")).toEqual({ text: "Ghi chú cũ" });
    expect(renderNote(translator("en"), "{không phải JSON")).toBe("{không phải JSON");
    expect(renderNote(translator("en"), '{"code":"unknown_code","params":{}}')).toBe('{"code":"unknown_code","params":{}}');
    expect(renderNote(translator("vi"), "")).toBe("");
  });
});
