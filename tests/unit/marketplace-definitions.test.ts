// The marketplaces' definitions (db/reference/marketplaces/) against each other: what the type
// checker cannot see. Two marketplaces sharing an order prefix would give imported orders
// colliding codes; two sharing a sandbox port would not start.
import { describe, expect, it } from "vitest";
import { envDefaults, MARKETPLACE_CODES, MARKETPLACES, SANDBOX_CODES, sandboxAddresses, sandboxUrl } from "#db/reference/marketplaces";

const definitions = Object.values(MARKETPLACES);

describe("marketplace definitions", () => {
  it("give each marketplace its own code, name, order prefix and sandbox port", () => {
    const distinct = (values: unknown[]) => expect(new Set(values).size).toBe(values.length);
    distinct(MARKETPLACE_CODES);
    distinct(definitions.map((d) => d.name));
    distinct(definitions.map((d) => d.orderPrefix));
    distinct(SANDBOX_CODES.map((c) => MARKETPLACES[c].sandbox.port));
    expect(SANDBOX_CODES).toEqual(definitions.filter((d) => d.hasApi).map((d) => d.code));
  });

  it("point an API marketplace's addresses at its sandbox, and keep its keys' defaults", () => {
    expect(sandboxUrl("lazada", 4201)).toBe("http://127.0.0.1:4202");
    expect(envDefaults("lazada", "http://127.0.0.1:4202/")).toEqual({
      LAZADA_API_URL: "http://127.0.0.1:4202/rest",
      LAZADA_AUTH_URL: "http://127.0.0.1:4202",
      LAZADA_APP_KEY: "100001",
      LAZADA_APP_SECRET: "sandbox-lazada-app-secret",
    });
    expect(sandboxAddresses("shopee", "http://127.0.0.1:5000")).toEqual({ SHOPEE_API_URL: "http://127.0.0.1:5000" });
  });
});
