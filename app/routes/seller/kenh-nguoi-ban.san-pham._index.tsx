import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { PriceStockSchema } from "~/seller/product-form";
import { listSellerProducts } from "~/seller/product-queries.server";
import { updatePriceStock } from "~/seller/seller-products.server";
import { CsrfInput } from "~/components/csrf-input";
import { Picture } from "~/components/picture";
import { MissingToGoLive, StatusBadge } from "~/components/seller-badges";
import { Stars } from "~/components/stars";
import { invalid } from "~/form-errors";
import { formatNumber, formatVnd } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { PRODUCT_STATUSES } from "#db/vocabulary";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "products", "seller")];

const FilterSchema = z.object({
  status: z.enum(["all", "fix", ...PRODUCT_STATUSES]).catch("all"),
  q: z.string().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const url = new URL(request.url);
  const filter = FilterSchema.parse({
    status: url.searchParams.get("status") ?? undefined,
    q: url.searchParams.get("q") ?? "",
    page: url.searchParams.get("page") ?? undefined,
  });
  return { filter, ...listSellerProducts(producerId, filter) };
}

const QuickEditSchema = PriceStockSchema.extend({ productId: z.coerce.number().int().positive() });

export async function action({ request }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = QuickEditSchema.safeParse(Object.fromEntries(form));
  const productId = Number(form.get("productId"));
  if (!parsed.success) return invalid(parsed.error, { productId, saved: false });
  if (!updatePriceStock(producerId, parsed.data.productId, parsed.data.price, parsed.data.stock)) {
    throw data({ reason: "not_found" as const }, { status: 404 });
  }
  return { productId, errors: {}, saved: true };
}

export default function SellerProducts() {
  const { filter, items, total, counts, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const link = (change: Partial<typeof filter>) => {
    const next = { ...filter, page: 1, ...change };
    const p = new URLSearchParams();
    if (next.status !== "all") p.set("status", next.status);
    if (next.q) p.set("q", next.q);
    if (next.page > 1) p.set("page", String(next.page));
    const s = p.toString();
    return s ? `?${s}` : ".";
  };
  return (
    <>
      <div className="section-head">
        <h1>{t("seller.products")}</h1>
        <Link className="button" to="/kenh-nguoi-ban/san-pham/moi">
          {t("seller.addProduct")}
        </Link>
      </div>
      <nav className="status-tabs" aria-label={t("seller.statusFilter")}>
        {(["all", ...PRODUCT_STATUSES, "fix"] as const).map((s) => (
          <Link key={s} to={link({ status: s })} aria-current={filter.status === s ? "page" : undefined}>
            {s === "all" ? t("seller.allProducts") : s === "fix" ? t("seller.needsFix") : t(`workspace.products.${s}`)} ({formatNumber(counts[s])})
          </Link>
        ))}
      </nav>
      <Form method="get" className="inline-search" role="search">
        {filter.status !== "all" ? <input type="hidden" name="status" value={filter.status} /> : null}
        <label htmlFor="seller-q" className="visually-hidden">
          {t("seller.search")}
        </label>
        <input id="seller-q" type="search" name="q" defaultValue={filter.q} placeholder={t("seller.search")} maxLength={100} />
        <button type="submit" className="button secondary">
          {t("search.submit")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p className="card">{total === 0 && counts.all === 0 ? t("seller.noProductsYet") : t("catalog.empty")}</p>
      ) : (
        <ul className="seller-products">
          {items.map((p) => (
            <li key={p.id} className="seller-product">
              <Link to={`/kenh-nguoi-ban/san-pham/${p.id}`} className="seller-product-main">
                {p.image ? (
                  <Picture image={p.image} sizes="72px" alt="" className="seller-thumb" />
                ) : (
                  <span className="seller-thumb empty" aria-hidden="true" />
                )}
                <span>
                  <strong>{p.name}</strong>
                  <span className="muted block">
                    {p.sku} · {p.unit}
                  </span>
                  <span className="badges">
                    <StatusBadge status={p.status} visible={p.visible} />
                    <Stars stars={p.stars} compact />
                    {p.ocopExpired ? <span className="badge expired">{t("seller.ocopExpired")}</span> : null}
                  </span>
                  {p.status === "draft" ? <MissingToGoLive missing={p.missing} /> : null}
                </span>
              </Link>
              <Form method="post" className="quick-edit" noValidate>
                <CsrfInput />
                <input type="hidden" name="productId" value={p.id} />
                <label>
                  <span className="muted">{t("product.price")}</span>
                  <input name="price" inputMode="numeric" defaultValue={formatNumber(p.price)} aria-label={`${t("product.price")}: ${p.name}`} />
                </label>
                <label>
                  <span className="muted">{t("seller.stock")}</span>
                  <input name="stock" inputMode="numeric" defaultValue={String(p.stock)} aria-label={`${t("seller.stock")}: ${p.name}`} />
                </label>
                <button type="submit" className="button secondary" disabled={busy}>
                  {t("seller.save")}
                </button>
                {result?.productId === p.id ? (
                  result.saved ? (
                    <span className="muted" role="status">
                      {t("seller.savedPrice", { price: formatVnd(p.price) })}
                    </span>
                  ) : (
                    <span className="field-error" role="alert">
                      {Object.values(result.errors)
                        .map((k) => t(k!))
                        .join(" ")}
                    </span>
                  )
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("catalog.page", { page: filter.page, pages })}>
          {filter.page > 1 ? <Link to={link({ page: filter.page - 1 })}>{t("catalog.prev")}</Link> : <span className="disabled">{t("catalog.prev")}</span>}
          <span>{t("catalog.page", { page: filter.page, pages })}</span>
          {filter.page < pages ? <Link to={link({ page: filter.page + 1 })}>{t("catalog.next")}</Link> : <span className="disabled">{t("catalog.next")}</span>}
        </nav>
      ) : null}
    </>
  );
}
