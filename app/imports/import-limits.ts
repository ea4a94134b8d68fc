// What one import may cost, in one place for the pages (to say them), the body limits in front of the
// routes and the readers (to enforce them while reading, never after).
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Data rows under the header. */
export const MAX_IMPORT_ROWS = 20_000;
/**
 * What an XLSX may really inflate to, counted byte by byte, not as the zip declares: 20,000 rows of
 * the template's 16 columns are about 15 MB of XML.
 */
export const MAX_INFLATED_BYTES = 48 * 1024 * 1024;
/** One cell's text; the longest real one, a description, is a few thousand characters. */
export const MAX_CELL_CHARS = 10_000;
/** Cells kept in memory for one file (rows × columns, empty ones included): the memory ceiling. */
export const MAX_IMPORT_CELLS = 1_000_000;
