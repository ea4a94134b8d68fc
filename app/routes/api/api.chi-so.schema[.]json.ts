import { openDataJsonSchema } from "~/indicators/open-data-schema";

let schema: string | null = null;

/** GET /api/chi-so/schema.json — the JSON Schema of /api/chi-so/:province, generated from its zod schema. Public. */
export function loader() {
  schema ??= JSON.stringify(openDataJsonSchema(), null, 2);
  return new Response(schema, { headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
