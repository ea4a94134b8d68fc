import { describe, expect, it } from "vitest";
import { ByteLru } from "~/http/page-cache.server";

const page = (bytes: number) => ({ bytes });

describe("the page cache's memory bound", () => {
  it("forgets the least recently used pages once the bytes exceed the bound", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", page(40));
    lru.set("b", page(40));
    lru.get("a"); // a is now the most recently used
    lru.set("c", page(40));
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBeDefined();
    expect(lru.get("c")).toBeDefined();
    expect(lru.bytes).toBe(80);
  });

  it("never keeps a page larger than the bound", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", page(50));
    lru.set("huge", page(101));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.get("a")).toBeDefined();
    expect(lru.size).toBe(1);
  });
});
