import type { MessageKey } from "~/i18n/messages";

/** One problem in one cell: the spreadsheet row, the column's header, and why (a message key and its values). */
export type RowError = { line: number; column: string; message: MessageKey; params?: Record<string, string | number> };

/** The value as the user typed it, shortened for a message. */
export const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);
