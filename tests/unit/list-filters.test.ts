import { describe, expect, it } from "vitest";
import { filtersToSearch } from "~/catalog/list-filters";
import { parseListFilters } from "~/catalog/list-filters.server";

const parse = (qs: string) => parseListFilters(new URLSearchParams(qs));

describe("parseListFilters", () => {
  it("keeps valid filters", () => {
    expect(parse("q=nuoc+mam&province=an-giang&stars=4&group=food&cert=vietgap&min=1000&max=500000&sort=price_asc&page=3")).toEqual({
      filters: {
        q: "nuoc mam",
        province: "an-giang",
        stars: 4,
        group: "food",
        cert: "vietgap",
        min: 1000,
        max: 500000,
        sort: "price_asc",
        page: 3,
      },
      invalid: [],
    });
  });
  it("drops and names each bad parameter instead of failing", () => {
    const { filters, invalid } = parse("page=-1&stars=abc&group=weapons&min=ten&province=../../etc&sort=evil");
    expect(filters).toEqual({ page: 1 });
    expect(invalid.sort()).toEqual(["group", "min", "page", "province", "sort", "stars"]);
  });
  it("clips a 10 kB search term", () => {
    expect(parse(`q=${"nước".repeat(2500)}`).filters.q).toHaveLength(200);
  });
  it("swaps an inverted price range", () => {
    expect(parse("min=500000&max=1000").filters).toMatchObject({ min: 1000, max: 500000 });
  });
  it("round-trips through the query string", () => {
    const { filters } = parse("q=tra&stars=5&page=2");
    expect(filtersToSearch(filters, { page: 3 })).toBe("?q=tra&stars=5&page=3");
    expect(filtersToSearch(filters, { page: 1 })).toBe("?q=tra&stars=5");
  });
});
