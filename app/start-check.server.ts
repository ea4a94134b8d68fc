// Refuses a production start on the sandboxes' credentials. The web server and the sync worker call
// it before anything else: with the payment and bank webhook secrets at their public sandbox values,
// anyone could sign a notification that marks an order paid. A demo says so with SANDBOX_MODE=1.
import { appSecretsMissing } from "~/env.server";
import { connectorSecretsMissing } from "~/marketplaces/config.server";

/** Every setting a production start lacks, app and marketplaces together (empty outside production). */
export function productionSettingsMissing(source: Record<string, string | undefined> = process.env): string[] {
  return [...appSecretsMissing(source), ...connectorSecretsMissing(source)];
}

/** The message that stops the start, or null when it may go on. */
export function refusedStart(source: Record<string, string | undefined> = process.env): string | null {
  const missing = productionSettingsMissing(source);
  if (missing.length === 0) return null;
  return [
    `Refusing to start in production (NODE_ENV=production) on sandbox settings. Set each of these`,
    `(unset, empty, or still the sandbox's public value):`,
    ...missing.map((name) => `  - ${name}`),
    `A demo on the sandboxes sets SANDBOX_MODE=1 instead: every page then shows a "sandbox" ribbon.`,
  ].join("\n");
}
