// Every spreadsheet the app writes (the seller's products, the officials' indicators, the
// Postmart/Voso upload file; CSV and XLSX) passes its text cells through formulaSafe: a cell that
// begins with = + - @, a tab or a carriage return would run as a formula when a spreadsheet opens or
// re-reads it (a producer's product named =HYPERLINK(...) in an official's export), so it gets a
// leading apostrophe, as OWASP's "CSV injection" advice says. The seller's importer takes it off
// again (unguardFormula), so exporting and re-importing changes nothing.
const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as written: text made formula-safe, numbers, dates and empties as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === "string" ? formulaSafe(value) : value;
}

/** What the importer reads back: the apostrophe formulaSafe added, taken off. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
