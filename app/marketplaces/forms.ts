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
