// The shape of the open-data answer (GET /api/chi-so/:province), as a zod schema: the JSON
// Schema served at /api/chi-so/schema.json and printed in the README is generated from it
// (zod 4 `z.toJSONSchema`), and the tests check every answer against it. Field names are a
// contract: add, never rename. Descriptions come from definitions.ts.
import { z } from "zod";
import { INDICATORS, MARKETPLACE_CODES, PAYMENT_CHANNELS, SALES_CHANNELS } from "#db/vocabulary";
import { INDICATOR_DEFINITIONS, TERM_DEFINITIONS } from "./definitions";

export const OPEN_DATA_VERSION = 2;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("A calendar day in Asia/Ho_Chi_Minh, yyyy-MM-dd.");
const count = z.number().int().min(0);

export const shareSchema = z
  .object({
    numerator: count,
    denominator: count,
    value: z.number().min(0).max(1).nullable().describe("numerator ÷ denominator rounded to 4 decimals; null when the denominator is 0."),
  })
  .describe("A share with the counts that make it.");

const indicatorSchema = shareSchema.extend({
  target: z.number().min(0).max(1).nullable(),
  targetIsDefault: z.boolean().nullable().describe("true when the province set no target and the provincial plans' common target applies."),
  gapPoints: z.number().nullable().describe("Percentage points ahead (+) or behind (−) the target."),
  projectedYearEnd: z.number().min(0).max(1).nullable().describe("Where the last twelve months' straight-line trend reaches on 31 December."),
});

const indicatorsSchema = z.object(
  Object.fromEntries(INDICATORS.map((id) => [id, indicatorSchema.describe(INDICATOR_DEFINITIONS[id].en)])) as Record<
    (typeof INDICATORS)[number],
    typeof indicatorSchema
  >,
);

export const registrySchema = z
  .object({
    entries: count.describe("Registry entries valid on asOf (a product with two valid decisions has two)."),
    products: count.describe("Registry products valid on asOf, each counted once: the denominator of ocop_listing_share and onboarding_share."),
    producers: count.describe("Registry producers (at least one registry product valid on asOf), joined or not: the denominator of producers_online."),
    producersJoined: count.describe("Registry producers verified on the platform by asOf."),
    producersNotJoined: count.describe("Registry producers not (yet) verified on the platform: the ones to visit."),
    producersOnline: count.describe("Registry producers with a product live on a marketplace at the end of asOf."),
    matched: count.describe("Registry products tied to a product of a producer who has joined: the numerator of onboarding_share."),
    awaitingReconciliation: count.describe(TERM_DEFINITIONS.awaitingReconciliation.en),
    producersOutsideRegistry: count.describe("Producers verified on the platform with no registry product valid on asOf, reported beside the registry, not in it."),
    producersOutsideRegistryOnline: count,
  })
  .describe("The registry reconciliation counts: enough to rebuild every registry denominator.");

const trendPointSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  asOf: day.describe("The day the month's registry and listing figures are taken: its last day, or the answer's asOf."),
  ocopListingShare: shareSchema,
  onboardingShare: shareSchema,
  producersOnline: shareSchema,
  gapListingShare: shareSchema,
  cashlessRateCount: shareSchema,
  cashlessRateValue: shareSchema,
  intermediaryShare: shareSchema,
  intermediaryShareValue: shareSchema,
});

const salesSchema = z.object({
  completedOrders: count,
  completedValue: count.describe("In đồng."),
  byMethod: z
    .array(
      z.object({
        method: z.string().min(1).describe("payment_methods.code; 'unrecorded' for a completed order without a recorded payment."),
        class: z.enum(PAYMENT_CHANNELS).describe(TERM_DEFINITIONS.paymentClass.en),
        orders: z.number().int().min(1),
        value: count,
      }),
    )
    .describe("Completed orders by the method of their latest payment; methods without orders are left out."),
  byChannel: z.array(z.object({ channel: z.enum(SALES_CHANNELS), orders: count, cashless: shareSchema })),
});

const provinceRowSchema = z.object({
  slug: z.string(),
  name: z.string(),
  indicators: z.object({
    ocop_listing_share: shareSchema,
    onboarding_share: shareSchema,
    producers_online: shareSchema,
    cashless_rate_count: shareSchema,
    cashless_rate_value: shareSchema,
    intermediary_share: shareSchema,
  }),
  intermediaryShareValue: shareSchema,
  registry: registrySchema,
});

export const openDataSchema = z
  .object({
    version: z.literal(OPEN_DATA_VERSION),
    province: z.object({ slug: z.string(), name: z.string() }).nullable().describe("null for the national answer."),
    period: z
      .object({ key: z.string(), kind: z.enum(["month", "quarter", "year", "custom"]), from: day, to: day })
      .describe("The period of the sales figures (?ky=)."),
    asOf: day.describe(TERM_DEFINITIONS.asOf.en),
    indicators: indicatorsSchema,
    intermediaryShareValue: shareSchema.describe(TERM_DEFINITIONS.intermediaryShareByValue.en),
    intermediaryShareWithVietqr: shareSchema.describe("intermediary_share with VietQR transfers counted as intermediated (NAPAS switches every transfer)."),
    registry: registrySchema,
    sales: salesSchema,
    listing: z.object({
      byMarketplace: z.record(z.enum(MARKETPLACE_CODES), shareSchema),
      byStars: z.record(z.string().regex(/^[345]$/).describe("Stars: 3, 4 or 5 (levels without products left out)."), z.object({ listed: shareSchema, onboarded: shareSchema })),
      byGroup: z.record(z.string(), z.object({ listed: shareSchema, onboarded: shareSchema })),
    }),
    provinces: z.array(provinceRowSchema).nullable().describe("The national answer's per-province breakdown (34 provinces); null for a province."),
    trend: z.array(trendPointSchema).describe("Twelve months ending with asOf's month, oldest first, every indicator."),
    freshness: z
      .object({
        current: z.boolean().describe("true when no registry or listing data changed since the registry and listing figures were computed; false for a moment after changes in several provinces (the answer then carries each province's last figures and is not cached)."),
        computedAt: z.string().datetime().describe("When the oldest registry and listing figure of the answer was computed (ISO 8601, UTC)."),
        staleProvinces: z.array(z.string()).describe("Slugs of the provinces whose figures predate a change; empty when current."),
      })
      .describe("How fresh the registry and listing figures are. Sales figures are always current."),
  })
  .describe("OCOP Connect indicators of a province or of the country, as open data.");

export type OpenData = z.infer<typeof openDataSchema>;

/** The JSON Schema of the answer, generated from the zod schema. */
export function openDataJsonSchema() {
  return z.toJSONSchema(openDataSchema, { target: "draft-2020-12", reused: "ref" });
}

/** The error answers of the API. */
export const apiErrorSchema = z.object({ error: z.string(), message: z.string(), hint: z.string().optional() });
