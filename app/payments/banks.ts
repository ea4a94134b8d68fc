// Bank names by BIN (State Bank of Vietnam letter 1589/NHNN-TT, 2024), for people reading a
// transfer's details. Data, not logic: an unknown BIN shows as itself.
export const BANKS_BY_BIN: Record<string, string> = {
  "970436": "Vietcombank",
  "970415": "VietinBank",
  "970418": "BIDV",
  "970405": "Agribank",
  "970407": "Techcombank",
  "970422": "MB Bank",
  "970416": "ACB",
  "970432": "VPBank",
  "970403": "Sacombank",
  "970423": "TPBank",
  "970443": "SHB",
  "970437": "HDBank",
  "970441": "VIB",
  "970454": "BVBank",
};

export function bankName(bin: string): string {
  return BANKS_BY_BIN[bin] ?? `BIN ${bin}`;
}
