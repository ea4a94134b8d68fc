// What the producer's "Sàn TMĐT" page shows: the accounts, and each active product with its
// listing on every marketplace (status, what is wrong and how to fix it) and what each
// marketplace's rules still need. Scoped to the producer; a handful of queries per page.
import { readiness, type ReadinessCode, type ReadinessInput } from "~/catalog/readiness";
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { MARKETPLACE_CODES, type ListingStatus, type MarketplaceCode } from "#db/vocabulary";
import { producerAccounts, type AccountSummary } from "./accounts.server";
import { legacyErrorCode } from "./listing-errors";
import { REJECTION_REASONS } from "./types";

const isRejectionReason = (code: string) => (REJECTION_REASONS as readonly string[]).includes(code);
import { batchProgress, latestBatchId, type BatchProgress } from "./publish.server";
import { sortVietnamese } from "~/i18n/collate";

export type ListingCell = {
  id: number;
  status: ListingStatus;
  /** A ListingErrorCode, or a code the interface does not know (shown with the generic sentence). */
  errorCode: string | null;
  errorDetail: string | null;
  externalUrl: string | null;
  syncedPrice: number | null;
  syncedStock: number | null;
  /** A sync job for it is queued or running. */
  syncing: boolean;
};

export type ProductRow = {
  id: number;
  name: string;
  price: number;
  stock: number;
  listings: Partial<Record<MarketplaceCode, ListingCell>>;
  /** The first blocking problem per marketplace, if any. */
  blockers: Partial<Record<MarketplaceCode, ReadinessCode>>;
};

export type ConnectorPage = { accounts: AccountSummary[]; products: ProductRow[]; batch: BatchProgress | null };

export function connectorPage(producerId: number, today = vietnamToday()): ConnectorPage {
  const products = statement<unknown[], {
    id: number;
    name: string;
    description: string;
    price: number;
    stock: number;
    weightGrams: number | null;
    categoryId: number | null;
    stars: number | null;
    hasOcop: number;
  }>(
    `SELECT p.id, p.name, p.description, p.price, p.stock, p.weight_grams AS weightGrams, p.category_id AS categoryId,
       CASE WHEN p.ocop5_valid_until >= @today THEN 5 WHEN p.ocop4_valid_until >= @today THEN 4 WHEN p.ocop3_valid_until >= @today THEN 3 END AS stars,
       EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.review IS NULL) AS hasOcop
     FROM products p WHERE p.producer_id = @producerId AND p.status = 'active' ORDER BY p.id`,
  ).all({ producerId, today });
  const images = new Map<number, { width: number; height: number }[]>();
  for (const i of statement<unknown[], { productId: number; width: number; height: number }>(
    `SELECT i.product_id AS productId, i.width, i.height FROM product_images i JOIN products p ON p.id = i.product_id WHERE p.producer_id = ?`,
  ).all(producerId)) {
    images.set(i.productId, [...(images.get(i.productId) ?? []), { width: i.width, height: i.height }]);
  }
  const listings = new Map<number, Partial<Record<MarketplaceCode, ListingCell>>>();
  for (const l of statement<unknown[], Omit<ListingCell, "syncing"> & { productId: number; code: MarketplaceCode; lastError: string | null; syncing: number }>(
    `SELECT l.id, l.product_id AS productId, m.code, l.status, s.error_code AS errorCode, s.error_detail AS errorDetail, l.last_error AS lastError,
       l.external_url AS externalUrl, l.synced_price AS syncedPrice, l.synced_stock AS syncedStock,
       EXISTS (SELECT 1 FROM sync_jobs j WHERE j.marketplace_id = l.marketplace_id AND j.idempotency_key = 'listing:' || l.product_id
               AND j.status IN ('queued', 'running')) AS syncing
     FROM listings l JOIN products p ON p.id = l.product_id JOIN marketplaces m ON m.id = l.marketplace_id
     LEFT JOIN listing_sync s ON s.listing_id = l.id
     WHERE p.producer_id = ?`,
  ).all(producerId)) {
    const { productId, code, lastError, syncing, ...rest } = l;
    const cell: ListingCell = { ...rest, syncing: syncing === 1 };
    // Listings from before the connector (no code) kept a sentence: known ones map to their code,
    // and the text stays for the details line.
    if (!cell.errorCode && lastError) {
      const code = legacyErrorCode(lastError);
      cell.errorCode = code ?? (cell.status === "rejected" ? "other" : "legacy");
      // A refusal keeps the marketplace's words; our own old sentence would say the problem twice
      // (only a provider's code in front of it, "ApiCallLimit: …", is kept).
      cell.errorDetail = code && !isRejectionReason(code) ? (/^[A-Za-z][\w.]*(?=:)/.exec(lastError)?.[0] ?? null) : lastError;
    }
    listings.set(productId, { ...(listings.get(productId) ?? {}), [code]: cell });
  }
  const rows: ProductRow[] = sortVietnamese(products, (p) => p.name).map((p) => {
    const input: ReadinessInput = {
      name: p.name,
      description: p.description,
      weightGrams: p.weightGrams,
      price: p.price,
      stock: p.stock,
      categoryId: p.categoryId,
      images: images.get(p.id) ?? [],
      validOcopStars: p.stars,
      hasOcopCertificate: p.hasOcop === 1,
    };
    const blockers: ProductRow["blockers"] = {};
    for (const code of MARKETPLACE_CODES) {
      const blocker = readiness(input, code).find((r) => r.severity === "blocker");
      if (blocker) blockers[code] = blocker.code;
    }
    return { id: p.id, name: p.name, price: p.price, stock: p.stock, listings: listings.get(p.id) ?? {}, blockers };
  });
  const batchId = latestBatchId(producerId);
  return { accounts: producerAccounts(producerId), products: rows, batch: batchId ? batchProgress(producerId, batchId) : null };
}

/** A listing the producer must act on: refused, failed, or with a problem that does not pass by itself. */
export function cellNeedsAction(cell: Pick<ListingCell, "status" | "errorCode">): boolean {
  return cell.status === "error" || cell.status === "rejected" || (cell.errorCode !== null && cell.errorCode !== "retrying");
}

export const LISTINGS_PER_PAGE = 50;
export type ListingFilter = "needs-action" | "all";
export type ProblemGroup = { marketplace: MarketplaceCode; code: string; count: number };

/**
 * The page as the producer reads it: the products needing action first (the default when there are
 * any), 50 to a page, and each distinct problem once with how many products it touches.
 */
export function connectorView(producerId: number, asked: ListingFilter | null, pageNo: number, today = vietnamToday()) {
  const page = connectorPage(producerId, today);
  const needing = page.products.filter((p) => Object.values(p.listings).some((c) => c && cellNeedsAction(c)));
  const filter: ListingFilter = asked ?? (needing.length > 0 ? "needs-action" : "all");
  const list = filter === "needs-action" ? needing : page.products;
  const pages = Math.max(1, Math.ceil(list.length / LISTINGS_PER_PAGE));
  const at = Math.min(Math.max(1, pageNo), pages);
  const groups = new Map<string, ProblemGroup>();
  for (const p of needing) {
    for (const [marketplace, c] of Object.entries(p.listings) as [MarketplaceCode, ListingCell][]) {
      if (!cellNeedsAction(c)) continue;
      const code = c.errorCode ?? (c.status === "rejected" ? "other" : "unavailable");
      const key = `${marketplace}:${code}`;
      groups.set(key, { marketplace, code, count: (groups.get(key)?.count ?? 0) + 1 });
    }
  }
  return {
    ...page,
    products: list.slice((at - 1) * LISTINGS_PER_PAGE, at * LISTINGS_PER_PAGE),
    filter,
    page: at,
    pages,
    counts: { needsAction: needing.length, all: page.products.length },
    problems: [...groups.values()].sort((a, b) => b.count - a.count),
  };
}
