// One listing job: bring a product's listing on one marketplace in line with the product as it
// is now. Level-triggered: the job carries no "what changed", it compares the product with
// what was last sent (synced price and stock, content hash) and does only what differs, so a
// burst of edits is one job and a repeated job is harmless. Creating is the one step that is
// not naturally idempotent: before the first create call the listing is marked "create sent",
// and from then on the seller SKU is looked up on the marketplace before any new create, so a
// create whose answer was lost (timeout, worker killed) is found instead of made twice.
import { readiness } from "~/catalog/readiness";
import { ensureListingSync, loadListing, updateListing, type Listing } from "./listing-state.server";
import { contentHash, listingSnapshot, loadProductState, sellerSku, type ProductState } from "./snapshot.server";
import { MarketplaceError, type ApiAdapter, type CreateResult, type ListingRef, type ShopContext } from "./types";
import { note } from "~/i18n/notes";

export type JobOutcome = { type: "done" } | { type: "later"; delayMs: number; note: string | null };

const DONE: JobOutcome = { type: "done" };

/** What the connector knew about a listing the marketplace no longer shows. */
const FORGET = { externalId: null, externalUrl: null, externalSkuId: null, createSentAt: null, contentHash: null, syncedPrice: null, syncedStock: null } as const;

export type ReconcileOptions = { reviewPollMs: number };

export async function reconcileListing(
  productId: number,
  marketplaceId: number,
  shop: ShopContext,
  adapter: ApiAdapter,
  options: ReconcileOptions,
): Promise<JobOutcome> {
  const found = loadListing(productId, marketplaceId);
  if (!found || found.status === "delisted") return DONE;
  const state = loadProductState(productId, marketplaceId);
  if (!state) return DONE;
  ensureListingSync(found.id, sellerSku(productId));
  const listing = loadListing(productId, marketplaceId)!;
  try {
    return await reconcile(listing, state, shop, adapter, options);
  } catch (error) {
    if (!(error instanceof MarketplaceError)) throw error;
    return settleRefusal(listing, error);
  }
}

async function reconcile(listing: Listing, state: ProductState, shop: ShopContext, adapter: ApiAdapter, options: ReconcileOptions): Promise<JobOutcome> {
  const sku = listing.sellerSku ?? sellerSku(state.product.id);
  const refOf = (l: Pick<Listing, "externalId" | "externalSkuId">): ListingRef | null => (l.externalId ? { externalId: l.externalId, externalSkuId: l.externalSkuId } : null);

  // No longer for sale here: take it down.
  if (state.product.status !== "active") {
    const ref = refOf(listing);
    if (ref) {
      try {
        await adapter.delist(shop, ref);
      } catch (error) {
        if (!(error instanceof MarketplaceError && error.kind === "not_found")) throw error;
      }
    }
    updateListing(listing.id, { status: "delisted", detail: "Sản phẩm ngừng bán trên OCOP Connect", error: null, reviewRef: null });
    return DONE;
  }

  let ref = refOf(listing);
  let synced = { price: listing.syncedPrice, stock: listing.syncedStock, hash: listing.contentHash };

  // Waiting for the marketplace's review (Tiki, TikTok Shop).
  if (!ref && listing.reviewRef) {
    const review = await adapter.reviewStatus(shop, listing.reviewRef, sku);
    if (review.status === "in_review") return { type: "later", delayMs: options.reviewPollMs, note: null };
    if (review.status === "rejected") {
      updateListing(listing.id, {
        status: "rejected",
        detail: review.detail || null,
        error: { code: review.reason, detail: review.detail },
        reviewRef: null,
        createSentAt: null,
      });
      return DONE;
    }
    ref = { externalId: review.externalId, externalSkuId: review.externalSkuId };
    updateListing(listing.id, { status: "live", detail: null, externalId: review.externalId, externalUrl: review.externalUrl, externalSkuId: review.externalSkuId, reviewRef: null, error: null });
  }

  // Not on the marketplace yet: create it (or find the one a lost answer created).
  if (!ref) {
    const blocker = readiness(state.readinessInput, adapter.code).find((p) => p.severity === "blocker");
    if (blocker) {
      updateListing(listing.id, { status: "error", detail: note("not_ready"), error: { code: blocker.code } });
      return DONE;
    }
    let result: CreateResult | null = listing.createSentAt ? await adapter.findBySku(shop, sku) : null;
    if (!result) {
      const snapshot = await listingSnapshot(state);
      if (snapshot.images.length === 0) {
        updateListing(listing.id, { status: "error", detail: note("photo_unreadable"), error: { code: "photo_missing" } });
        return DONE;
      }
      updateListing(listing.id, { createSentAt: new Date().toISOString() });
      result = await adapter.create(shop, snapshot);
      synced = { price: snapshot.price, stock: snapshot.stock, hash: contentHash(state) };
    }
    const sent = { syncedPrice: synced.price, syncedStock: synced.stock, contentHash: synced.hash };
    if (result.status === "in_review") {
      updateListing(listing.id, { status: "in_review", detail: "Sàn đang duyệt sản phẩm", reviewRef: result.reviewRef, error: null, ...sent });
      return { type: "later", delayMs: options.reviewPollMs, note: null };
    }
    ref = { externalId: result.externalId, externalSkuId: result.externalSkuId };
    updateListing(listing.id, { status: "live", detail: null, externalId: result.externalId, externalUrl: result.externalUrl, externalSkuId: result.externalSkuId, error: null, ...sent });
  }

  // On the marketplace: send what differs.
  const p = state.product;
  const change: { sellerSku: string; price?: number; stock?: number } = { sellerSku: sku };
  if (p.price !== synced.price) change.price = p.price;
  if (p.stock !== synced.stock) change.stock = p.stock;
  if (change.price !== undefined || change.stock !== undefined) {
    await adapter.updatePriceStock(shop, ref, change);
    updateListing(listing.id, { syncedPrice: p.price, syncedStock: p.stock });
  }
  const hash = contentHash(state);
  if (hash !== synced.hash) {
    await adapter.updateContent(shop, ref, await listingSnapshot(state));
    updateListing(listing.id, { contentHash: hash });
  }
  const now = loadListing(p.id, listing.marketplaceId)!;
  if (now.status === "live") {
    if (now.errorCode) updateListing(listing.id, { error: null });
    return DONE;
  }
  // It was refused or failed before and exists there: ask the marketplace what it shows now.
  const remote = await adapter.fetchStatus(shop, ref);
  if (remote.status === "live") updateListing(listing.id, { status: "live", detail: "Đã đồng bộ lại", error: null });
  else if (remote.status === "in_review") {
    updateListing(listing.id, { status: "in_review", detail: "Sàn đang duyệt lại sản phẩm", error: null });
    return { type: "later", delayMs: options.reviewPollMs, note: null };
  } else if (remote.status === "rejected") {
    updateListing(listing.id, { status: "rejected", detail: remote.detail ?? null, error: { code: "other", detail: remote.detail ?? null } });
  } else {
    // Hidden or gone there: forget it, so "publish again" makes a new listing.
    updateListing(listing.id, { status: "error", detail: note("hidden_on_marketplace"), error: { code: "missing_on_marketplace", detail: remote.detail ?? null }, ...FORGET });
  }
  return DONE;
}

/** The marketplace refused something for good: record it on the listing; the job is over. */
function settleRefusal(listing: Listing, error: MarketplaceError): JobOutcome {
  const current = loadListing(listing.productId, listing.marketplaceId) ?? listing;
  if (error.kind === "rejected") {
    const reason = error.extra.reason ?? "other";
    if (!current.externalId && !current.reviewRef) {
      // Refused at creation: nothing exists there; the next attempt creates afresh.
      updateListing(listing.id, { status: "rejected", detail: error.detail, error: { code: reason, detail: error.detail }, createSentAt: null });
    } else {
      // An update was refused: the listing stays as it was on the marketplace.
      updateListing(listing.id, { error: { code: reason, detail: error.detail } });
    }
    return DONE;
  }
  if (error.kind === "not_found") {
    updateListing(listing.id, { status: "error", detail: note("gone_from_marketplace"), error: { code: "missing_on_marketplace", detail: error.detail }, ...FORGET });
    return DONE;
  }
  throw error;
}
