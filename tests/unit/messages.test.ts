import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Each area's messages are spread into one table: a key defined by two areas would silently
// take the last one's text. Every key belongs to exactly one area.
describe("interface messages", () => {
  it("defines each key in one area only, with English for every Vietnamese text", async () => {
    const dir = join(__dirname, "../../app/i18n/messages");
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of readdirSync(dir)) {
      const area = (await import(join(dir, file))) as { vi: Record<string, string>; en: Record<string, string> };
      expect(Object.keys(area.en).sort(), file).toEqual(Object.keys(area.vi).sort());
      for (const key of Object.keys(area.vi)) {
        if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${file}`);
        owner.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
    expect(owner.size).toBeGreaterThan(300);
  });
});
