import type { z } from "zod";
import type { MessageKey } from "~/i18n/messages";

/** Field name → message key. Schemas put message keys in their issues; the page translates. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** The first issue of each top-level field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message as MessageKey;
  }
  return out;
}
