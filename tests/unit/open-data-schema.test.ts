// The open-data contract is written once: the README's JSON Schema is the one generated from the
// zod schema, and the README's indicator sentences are definitions.ts's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { en, vi } from "~/i18n/messages";
import { INDICATOR_DEFINITIONS } from "~/indicators/definitions";
import { openDataJsonSchema } from "~/indicators/open-data-schema";
import { README_END, README_START, readmeBlock } from "../../scripts/open-data-schema";

const readme = readFileSync("README.md", "utf8");

describe("the open-data contract", () => {
  it("prints in the README the JSON Schema generated from the zod schema", () => {
    const block = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    expect(block).toBe(readmeBlock());
    const schema = openDataJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(["asOf", "period", "registry", "provinces", "trend", "intermediaryShareValue"]));
  });

  it("states each indicator in the README with the sentence the pages and the schema use", () => {
    for (const [id, d] of Object.entries(INDICATOR_DEFINITIONS)) {
      expect(readme, id).toContain(`| \`${id}\` | ${d.en} |`);
    }
  });

  it("shows the same sentence under each figure and in the printed report (Cách tính), in both languages", () => {
    for (const [id, d] of Object.entries(INDICATOR_DEFINITIONS)) {
      const key = `ind.${id}.def` as keyof typeof vi;
      expect([id, vi[key], en[key]]).toEqual([id, d.vi, d.en]);
    }
  });
});
