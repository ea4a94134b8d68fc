import { describe, expect, it } from "vitest";
import { MappingSchema, PriceStockSchema, PublishSchema } from "~/marketplaces/forms";

describe("connector forms", () => {
  it("reads prices the way Vietnamese write them, and refuses the rest with the message key", () => {
    expect(PriceStockSchema.parse({ productId: "3", price: "199.000", stock: " 12 " })).toEqual({ productId: 3, price: 199_000, stock: 12 });
    const bad = PriceStockSchema.safeParse({ productId: "3", price: "12,5", stock: "-1" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["price", "connector.validation.price"],
      ["stock", "connector.validation.stock"],
    ]);
    expect(PriceStockSchema.safeParse({ productId: "3", price: "500", stock: "1" }).success).toBe(false); // under 1.000 ₫
  });

  it("needs at least one product and one known marketplace", () => {
    expect(PublishSchema.safeParse({ product: [], marketplace: ["shopee"] }).error!.issues[0]!.message).toBe("connector.publish.noProducts");
    expect(PublishSchema.safeParse({ product: ["1"], marketplace: ["ebay"] }).success).toBe(false);
    expect(PublishSchema.parse({ product: ["1", "2"], marketplace: ["shopee", "voso"] })).toEqual({ product: [1, 2], marketplace: ["shopee", "voso"] });
  });

  it("reads category attributes as name=value lines", () => {
    const ok = MappingSchema.parse({ id: "1", externalCategoryId: "100629", externalCategoryName: "Gạo", attributes: "brand=No Brand\n\norigin = Việt Nam\r\n" });
    expect(ok.attributes).toEqual({ brand: "No Brand", origin: "Việt Nam" });
    const bad = MappingSchema.safeParse({ id: "1", externalCategoryId: "", externalCategoryName: "", attributes: "Thương hiệu: OEM" });
    expect(bad.error!.issues.map((i) => i.message).sort()).toEqual(["connector.admin.invalidAttributes", "connector.admin.invalidCategory"]);
  });
});
