// VietQR payloads (NAPAS "Quy định định dạng mã VietQR" v1.0, EMVCo merchant-presented mode):
// TLV fields `ID(2) LEN(2) VALUE`, closed by a CRC-16/CCITT-FALSE over everything up to and
// including "6304". Pure functions: the order page draws the QR, the bank sandbox reads it.

export type VietQrService = "account" | "card";

export type VietQrFields = {
  /** The beneficiary bank's 6-digit BIN (970436 = Vietcombank…). */
  bin: string;
  /** Account or card number, up to 19 characters. */
  accountNumber: string;
  /** Whole đồng; absent for a static QR (the payer types the amount). */
  amount?: number;
  /** Transfer purpose (memo), up to 25 EMV characters. */
  purpose?: string;
  billNumber?: string;
  /** "account" (QRIBFTTA, default) or "card" (QRIBFTTC). */
  service?: VietQrService;
};

export type ParsedVietQr = Omit<VietQrFields, "service"> & { service: VietQrService };

const NAPAS_GUID = "A000000727";
const SERVICE_CODES: Record<VietQrService, string> = { account: "QRIBFTTA", card: "QRIBFTTC" };
const MAX_SUBFIELD = 25;

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), 4 uppercase hex digits. "123456789" → "29B1". */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/**
 * Vietnamese text in the EMV character set: marks dropped, "đ" → "d", anything outside
 * printable ASCII removed. "Thanh toán đơn OC123" → "Thanh toan don OC123".
 */
export function toEmvText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "");
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR field ${id} is longer than 99 characters`);
  return id + String(value.length).padStart(2, "0") + value;
}

function checkText(name: string, value: string, max: number): string {
  if (value.length === 0 || value.length > max) throw new Error(`VietQR ${name} must be 1-${max} characters`);
  if (!/^[\x20-\x7e]+$/.test(value)) throw new Error(`VietQR ${name} must be printable ASCII (use toEmvText)`);
  return value;
}

/** Builds the payload a banking app scans. Throws on a value the format cannot carry. */
export function encodeVietQr(fields: VietQrFields): string {
  const { bin, accountNumber, amount, purpose, billNumber, service = "account" } = fields;
  if (!/^\d{6}$/.test(bin)) throw new Error("VietQR bin must be 6 digits");
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber)) throw new Error("VietQR account number must be 1-19 letters or digits");
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > 13)) {
    throw new Error("VietQR amount must be a positive whole number of đồng (at most 13 digits)");
  }
  const beneficiary = tlv("00", bin) + tlv("01", accountNumber);
  const merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_CODES[service]);
  let additional = "";
  if (billNumber !== undefined) additional += tlv("01", checkText("bill number", billNumber, MAX_SUBFIELD));
  if (purpose !== undefined) additional += tlv("08", checkText("purpose", purpose, MAX_SUBFIELD));
  const body =
    tlv("00", "01") +
    tlv("01", amount === undefined ? "11" : "12") +
    tlv("38", merchant) +
    tlv("53", "704") +
    (amount === undefined ? "" : tlv("54", String(amount))) +
    tlv("58", "VN") +
    (additional ? tlv("62", additional) : "") +
    "6304";
  return body + crc16(body);
}

/** Splits a TLV string into its fields, in order. Throws when a length runs past the end. */
function readTlv(text: string, what: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const lenText = text.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(lenText)) throw new Error(`VietQR ${what}: malformed field at ${i}`);
    const len = Number(lenText);
    const value = text.slice(i + 4, i + 4 + len);
    if (value.length !== len) throw new Error(`VietQR ${what}: field ${id} is shorter than its length ${len}`);
    if (fields.has(id)) throw new Error(`VietQR ${what}: field ${id} appears twice`);
    fields.set(id, value);
    i += 4 + len;
  }
  return fields;
}

/**
 * Reads a payload back into its fields. Throws on a bad CRC (upper or lower case hex is
 * accepted), a length that does not add up, or a missing or wrong mandatory field. Field
 * order is free except the CRC, which must close the payload.
 */
export function parseVietQr(payload: string): ParsedVietQr {
  const crcAt = payload.length - 8;
  if (crcAt < 0 || payload.slice(crcAt, crcAt + 4) !== "6304") throw new Error("VietQR: the payload must end with the CRC field 63");
  const crc = payload.slice(crcAt + 4);
  if (!/^[0-9A-Fa-f]{4}$/.test(crc) || crc.toUpperCase() !== crc16(payload.slice(0, crcAt + 4))) {
    throw new Error("VietQR: CRC does not match");
  }
  const top = readTlv(payload.slice(0, crcAt), "payload");
  if (payload.slice(0, 6) !== "000201") throw new Error("VietQR: field 00 must come first with value 01");
  const init = top.get("01");
  if (init !== "11" && init !== "12") throw new Error("VietQR: field 01 must be 11 (static) or 12 (dynamic)");
  if (top.get("53") !== "704") throw new Error("VietQR: currency (53) must be 704");
  if (top.get("58") !== "VN") throw new Error("VietQR: country (58) must be VN");

  const merchantText = top.get("38");
  if (merchantText === undefined) throw new Error("VietQR: merchant account field 38 is missing");
  const merchant = readTlv(merchantText, "field 38");
  if (merchant.get("00") !== NAPAS_GUID) throw new Error("VietQR: field 38 must carry the NAPAS GUID");
  const beneficiary = readTlv(merchant.get("01") ?? "", "beneficiary");
  const bin = beneficiary.get("00") ?? "";
  const accountNumber = beneficiary.get("01") ?? "";
  if (!/^\d{6}$/.test(bin)) throw new Error("VietQR: bank BIN must be 6 digits");
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber)) throw new Error("VietQR: account number must be 1-19 letters or digits");
  const code = merchant.get("02");
  const service = code === SERVICE_CODES.account ? "account" : code === SERVICE_CODES.card ? "card" : null;
  if (!service) throw new Error("VietQR: service code must be QRIBFTTA or QRIBFTTC");

  const out: ParsedVietQr = { bin, accountNumber, service };
  const amountText = top.get("54");
  if (amountText !== undefined) {
    if (!/^[1-9]\d{0,12}$/.test(amountText)) throw new Error("VietQR: amount (54) must be whole đồng");
    out.amount = Number(amountText);
  }
  if ((init === "12") !== (amountText !== undefined)) throw new Error("VietQR: a dynamic QR (12) carries an amount, a static one (11) none");
  const additionalText = top.get("62");
  if (additionalText !== undefined) {
    const additional = readTlv(additionalText, "field 62");
    const bill = additional.get("01");
    const purpose = additional.get("08");
    if (bill !== undefined) out.billNumber = bill;
    if (purpose !== undefined) out.purpose = purpose;
  }
  return out;
}
