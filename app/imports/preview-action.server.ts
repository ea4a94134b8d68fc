// The answer to a checked sheet's form (products and registry alike): discard it, or import it in the
// chosen mode. Throws the HTTP answers (400 for a bad intent, 404 for someone else's or unknown file,
// a redirect when done); returns the message to show when the import was refused.
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { MessageKey } from "~/i18n/messages";
import type { ImportOutcome } from "./import-flow.server";
import { discardImport, getImport, type ImportScope } from "./imports.server";
import { notFound } from "~/http/route-params.server";

const DecisionSchema = z.object({ intent: z.enum(["valid_only", "all", "discard"]) });

export async function answerImportDecision(
  form: FormData,
  target: { scope: ImportScope; importId: number; listUrl: string },
  run: (mode: "valid_only" | "all") => Promise<ImportOutcome<unknown>>,
) {
  const { scope, importId, listUrl } = target;
  const parsed = DecisionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw data({ reason: "bad_request" as const }, { status: 400 });
  if (parsed.data.intent === "discard") {
    if (!discardImport(scope, importId) && !getImport(scope, importId)) throw notFound();
    throw redirect(listUrl);
  }
  const outcome = await run(parsed.data.intent);
  if (!outcome.ok) {
    if (outcome.error === "not_found") throw notFound();
    return data({ error: outcome.error as MessageKey }, { status: 409 });
  }
  throw redirect(`${listUrl}/${importId}`);
}
