// The one form idiom. An action reads the fields with `submitted`, parses them with the form's zod schema and,
// when that or the domain says no, answers `invalid(errors, { values })`: status 400, a message key per field
// ("form" for the whole form) and the text as typed. The page re-renders its form from `useActionData()`:
// `defaultValue={result?.values.name ?? saved.name}` and `<Field error={result?.errors.name} />`, so nothing
// typed is lost and each message stands next to its field. Without JavaScript the same happens.
import { data } from "@remix-run/react";
import { z } from "zod";
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

/** The text of each named field as submitted, cut to `max` characters: what goes back into the form. */
export function submitted<const F extends string>(form: FormData, fields: readonly F[], max: number): Record<F, string> {
  return Object.fromEntries(fields.map((k) => [k, String(form.get(k) ?? "").slice(0, max)])) as Record<F, string>;
}

/**
 * A submission the page shows again: the errors (a schema's, or message keys by field) and `echo`, what the page
 * needs to redraw the form (`values` as typed; which row's form). Status 400 unless told otherwise.
 */
export function invalid<E extends object>(errors: z.ZodError | FieldErrors, echo: E, status = 400) {
  return data({ ...echo, errors: errors instanceof z.ZodError ? fieldErrors(errors) : errors }, { status });
}
