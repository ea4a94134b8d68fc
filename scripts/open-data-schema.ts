// Prints the JSON Schema of the open-data answer (GET /api/chi-so/:province), generated from its zod
// schema; `--readme` writes it into README.md between the open-data-schema markers instead.
import { readFileSync, writeFileSync } from "node:fs";
import { openDataJsonSchema } from "~/indicators/open-data-schema";

export const README_START = "<!-- open-data-schema:start -->";
export const README_END = "<!-- open-data-schema:end -->";

export function readmeBlock(): string {
  return `${README_START}\n\n\`\`\`json\n${JSON.stringify(openDataJsonSchema(), null, 2)}\n\`\`\`\n\n${README_END}`;
}

if (process.argv[1]?.endsWith("open-data-schema.ts")) {
  if (process.argv.includes("--readme")) {
    const readme = readFileSync("README.md", "utf8");
    const a = readme.indexOf(README_START);
    const b = readme.indexOf(README_END);
    if (a < 0 || b < 0) throw new Error("README.md has no open-data-schema markers");
    writeFileSync("README.md", readme.slice(0, a) + readmeBlock() + readme.slice(b + README_END.length));
  } else {
    console.log(JSON.stringify(openDataJsonSchema(), null, 2));
  }
}
