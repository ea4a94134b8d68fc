// The connector's forms, parsed with zod (messages are i18n keys).
import { z } from "zod";
import { MARKETPLACE_CODES } from "#db/vocabulary";

export const MarketplaceCodeSchema = z.enum(MARKETPLACE_CODES);

export const PublishSchema = z.object({
  product: z.array(z.coerce.number().int().positive()).min(1, "connector.publish.noProducts").max(2000),
  marketplace: z.array(MarketplaceCodeSchema).min(1, "connector.publish.noMarketplaces"),
});

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/[.\s]/g, ""))
    .pipe(z.string().regex(/^\d+$/, message).transform(Number))
    .pipe(z.number().int(message).min(min, message).max(max, message));

export const PriceStockSchema = z.object({
  productId: z.coerce.number().int().positive(),
  price: whole(1_000, 1_000_000_000, "connector.validation.price"),
  stock: whole(0, 1_000_000, "connector.validation.stock"),
});

export const ConfirmSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("live"), listingId: z.coerce.number().int().positive() }),
  z.object({
    outcome: z.literal("rejected"),
    listingId: z.coerce.number().int().positive(),
    reason: z.string().trim().min(1, "connector.export.reasonRequired").max(300, "connector.export.reasonRequired"),
  }),
]);

export const SettingsSchema = z.object({
  marketplaceId: z.coerce.number().int().positive(),
  callsPerSecond: z.coerce.number({ message: "connector.admin.invalidRate" }).int("connector.admin.invalidRate").min(1, "connector.admin.invalidRate").max(1000, "connector.admin.invalidRate"),
  maxInFlight: z.coerce.number({ message: "connector.admin.invalidInFlight" }).int("connector.admin.invalidInFlight").min(1, "connector.admin.invalidInFlight").max(64, "connector.admin.invalidInFlight"),
  orderImportMinutes: z.coerce.number({ message: "connector.admin.invalidMinutes" }).int("connector.admin.invalidMinutes").min(1, "connector.admin.invalidMinutes").max(1440, "connector.admin.invalidMinutes"),
});

/** "name=value" per line → an object; a line without "=" is an error. */
const attributeLines = z
  .string()
  .max(2000, "connector.admin.invalidAttributes")
  .transform((text, ctx) => {
    const out: Record<string, string> = {};
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const eq = line.indexOf("=");
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      if (eq <= 0 || !/^[a-z][a-z0-9_]{0,49}$/.test(key) || !value || value.length > 200) {
        ctx.addIssue({ code: "custom", message: "connector.admin.invalidAttributes" });
        return z.NEVER;
      }
      out[key] = value;
    }
    return out;
  });

export const MappingSchema = z.object({
  id: z.coerce.number().int().positive(),
  externalCategoryId: z.string().trim().min(1, "connector.admin.invalidCategory").max(100, "connector.admin.invalidCategory"),
  externalCategoryName: z.string().trim().max(200, "connector.admin.invalidCategory"),
  attributes: attributeLines,
});
