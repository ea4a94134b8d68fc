// Banks a producer can receive VietQR transfers at, by their NAPAS BIN (State Bank letter
// 1589/NHNN-TT, 2024): the one list, read by the seller centre's profile form, officials'
// verification, the order page and the seed. Data, not code: a new bank is one more row.
// Plain data with no imports, like db/vocabulary.ts, so browser code may import it too.
export const BANKS = [
  { bin: "970436", code: "VCB", name: "Vietcombank" },
  { bin: "970415", code: "CTG", name: "VietinBank" },
  { bin: "970418", code: "BIDV", name: "BIDV" },
  { bin: "970405", code: "AGRIBANK", name: "Agribank" },
  { bin: "970407", code: "TCB", name: "Techcombank" },
  { bin: "970422", code: "MB", name: "MB Bank" },
  { bin: "970416", code: "ACB", name: "ACB" },
  { bin: "970432", code: "VPB", name: "VPBank" },
  { bin: "970403", code: "STB", name: "Sacombank" },
  { bin: "970423", code: "TPB", name: "TPBank" },
  { bin: "970443", code: "SHB", name: "SHB" },
  { bin: "970437", code: "HDB", name: "HDBank" },
  { bin: "970441", code: "VIB", name: "VIB" },
  { bin: "970454", code: "BVB", name: "BVBank" },
] as const;

export type Bank = (typeof BANKS)[number];

export function bankByBin(bin: string | null | undefined): Bank | null {
  return BANKS.find((b) => b.bin === bin) ?? null;
}

/** A bank's name for people reading a transfer's details; an unknown BIN shows as itself. */
export function bankName(bin: string): string {
  return bankByBin(bin)?.name ?? `BIN ${bin}`;
}
