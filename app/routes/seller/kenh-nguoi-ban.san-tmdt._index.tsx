import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireProducer } from "~/auth/scope-guards.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/components/csrf-input";
import { ListingCell } from "~/components/listing-cell";
import { PublishProgress } from "~/components/publish-progress";
import { invalid, type FieldErrors } from "~/form-errors";
import { formatNumber, formatVnd } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";
import { disconnect } from "~/marketplaces/connect.server";
import { connectorView, type ListingFilter } from "~/marketplaces/dashboard.server";
import { problemKey } from "~/marketplaces/listing-errors";
import { MarketplaceCodeSchema, PublishSchema } from "~/marketplaces/forms";
import { requestOrderImport } from "~/marketplaces/order-schedule.server";
import { publish, retryListings } from "~/marketplaces/publish.server";
import type { MarketplaceCode } from "#db/vocabulary";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "marketplaces", "seller")];

const PAGE = "/kenh-nguoi-ban/san-tmdt";
// What the last action did travels in the address (post/redirect/get): a reload repeats nothing.
const FLASH = ["da-ket-noi", "da-bat", "loi-ket-noi", "gian-hang", "da-dang", "chua-du", "chua-ket-noi", "thu-lai", "nhap-don", "da-ngat"] as const;
type Flash = Partial<Record<(typeof FLASH)[number], string>>;

const back = (flash: Record<string, string | number>) =>
  redirect(`${PAGE}?${new URLSearchParams(Object.entries(flash).filter(([, v]) => v !== "").map(([k, v]) => [k, String(v)]))}`);

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const url = new URL(request.url);
  const flash: Flash = {};
  for (const k of FLASH) {
    const v = url.searchParams.get(k);
    if (v !== null) flash[k] = v.slice(0, 200);
  }
  const filter = FILTERS[url.searchParams.get("loc") ?? ""] ?? null;
  const page = Number(url.searchParams.get("trang"));
  return { ...connectorView(producerId, filter, Number.isInteger(page) && page > 0 ? page : 1), flash };
}

/** The filter in the address: "cần xử lý" first (the default when anything needs it), or all. */
const FILTERS: Record<string, ListingFilter> = { "can-xu-ly": "needs-action", "tat-ca": "all" };
const FILTER_PARAM: Record<ListingFilter, string> = { "needs-action": "can-xu-ly", all: "tat-ca" };
const pageUrl = (filter: ListingFilter, page: number) => `${PAGE}?loc=${FILTER_PARAM[filter]}${page > 1 ? `&trang=${page}` : ""}`;

export async function action({ request }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  switch (form.get("intent")) {
    case "publish": {
      const parsed = PublishSchema.safeParse({ product: form.getAll("product"), marketplace: form.getAll("marketplace") });
      if (!parsed.success) return invalid(parsed.error, { intent: "publish" as const, result: null });
      const result = publish(producerId, parsed.data.product, parsed.data.marketplace);
      // Back on every product: the progress shows them all going live.
      throw back({ loc: "tat-ca", "da-dang": result.queued, "chua-du": result.refused.length, "chua-ket-noi": result.notConnected.join(",") });
    }
    case "retry":
      throw back({ "thu-lai": retryListings(producerId, null) });
    case "import-orders":
      throw back({ "nhap-don": requestOrderImport(producerId) });
    case "disconnect": {
      const code = MarketplaceCodeSchema.safeParse(form.get("code"));
      if (!code.success) throw data({ reason: "bad_request" as const }, { status: 400 });
      disconnect(producerId, code.data);
      throw back({ "da-ngat": code.data });
    }
  }
  throw data({ reason: "bad_request" as const }, { status: 400 });
}

export default function MarketplacesPage() {
  const { accounts, products, batch, flash, filter, page, pages, counts, problems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const names = Object.fromEntries(accounts.map((a) => [a.code, a.name])) as Record<MarketplaceCode, string>;
  const usable = accounts.filter((a) => a.usable);
  const shown = accounts.filter((a) => a.accountId !== null || products.some((p) => p.listings[a.code]));
  const publishErrors: FieldErrors = result?.errors ?? {};
  return (
    <>
      <h1>{t("connector.title")}</h1>
      <p className="muted">{t("connector.intro")}</p>
      <p className="connector-links">
        <Link to="/kenh-nguoi-ban/san-tmdt/gia-ton-kho">{t("connector.priceStock.title")}</Link> · <a href="#accounts-title">{t("connector.accountsLink")}</a>
      </p>
      <Flash flash={flash} names={names} />
      {batch ? <PublishProgress initial={batch} /> : null}

      {problems.length > 0 ? (
        <section aria-labelledby="problems-title" className="card market-problems">
          <h2 id="problems-title">{t("connector.problems.title")}</h2>
          <ul>
            {problems.map((p) => (
              <li key={`${p.marketplace}:${p.code}`}>
                <strong>{t("connector.problems.count", { marketplace: names[p.marketplace], count: formatNumber(p.count) })}</strong>: {t(problemKey(p.code))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t("connector.publish.title")}</h2>
        {usable.length === 0 ? <p className="alert info">{t("connector.publish.noAccounts")}</p> : null}
        <div className="connector-actions">
          <Form method="post">
            <CsrfInput />
            <button className="button secondary" type="submit" name="intent" value="retry">
              {t("connector.retryAll")}
            </button>
          </Form>
          <Form method="post">
            <CsrfInput />
            <button className="button secondary" type="submit" name="intent" value="import-orders">
              {t("connector.importOrders")}
            </button>
          </Form>
        </div>
        <nav className="tabs listing-filter" aria-label={t("connector.filter.label")}>
          <Link to={pageUrl("needs-action", 1)} aria-current={filter === "needs-action" ? "page" : undefined} className={filter === "needs-action" ? "active" : undefined}>
            {t("connector.filter.needsAction", { count: formatNumber(counts.needsAction) })}
          </Link>
          <Link to={pageUrl("all", 1)} aria-current={filter === "all" ? "page" : undefined} className={filter === "all" ? "active" : undefined}>
            {t("connector.filter.all", { count: formatNumber(counts.all) })}
          </Link>
        </nav>
        {counts.all === 0 ? <p>{t("connector.products.empty")}</p> : filter === "needs-action" && counts.needsAction === 0 ? <p>{t("connector.filter.noneNeedAction")}</p> : null}
        <Form method="post" className="publish-form" noValidate>
          <CsrfInput />
          <fieldset className="field" aria-describedby={publishErrors.marketplace ? "marketplace-error" : undefined}>
            <legend>{t("connector.publish.marketplaces")}</legend>
            <div className="market-choices">
              {usable.map((a) => (
                <label key={a.code} className="choice">
                  <input type="checkbox" name="marketplace" value={a.code} defaultChecked={a.hasApi} /> {a.name}
                </label>
              ))}
            </div>
            {publishErrors.marketplace ? (
              <p className="field-error" id="marketplace-error">
                {t(publishErrors.marketplace)}
              </p>
            ) : null}
          </fieldset>
          <button className="button" type="submit" name="intent" value="publish" disabled={busy || usable.length === 0}>
            {t("connector.publish.submit")}
          </button>
          <fieldset className="field" aria-describedby={publishErrors.product ? "product-error" : undefined}>
            <legend>{t("connector.publish.products")}</legend>
            <label className="choice select-all">
              <input
                type="checkbox"
                onChange={(e) => {
                  for (const box of e.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[name="product"]') ?? []) box.checked = e.currentTarget.checked;
                }}
              />{" "}
              {t("connector.publish.selectAll")}
            </label>
            {publishErrors.product ? (
              <p className="field-error" id="product-error">
                {t(publishErrors.product)}
              </p>
            ) : null}
            <ul className="listing-rows" data-testid="listing-rows">
              {products.map((p) => (
                <li key={p.id} className="listing-row" data-product={p.id}>
                  <label className="choice product-choice">
                    <input type="checkbox" name="product" value={p.id} />
                    <span>
                      <strong>{p.name}</strong>
                      <span className="muted"> · {t("connector.product.priceStock", { price: formatVnd(p.price), stock: formatNumber(p.stock) })}</span>
                    </span>
                  </label>
                  <ul className="listing-cells">
                    {shown.map((a) => (
                      <ListingCell key={a.code} marketplace={a.name} connected={a.usable} cell={p.listings[a.code]} blocker={p.blockers[a.code]} price={p.price} stock={p.stock} />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </fieldset>
        </Form>
        {pages > 1 ? (
          <nav className="pager" aria-label={t("connector.page.of", { page, pages })}>
            {page > 1 ? <Link to={pageUrl(filter, page - 1)}>← {t("connector.page.prev")}</Link> : null}
            <span>{t("connector.page.of", { page, pages })}</span>
            {page < pages ? <Link to={pageUrl(filter, page + 1)}>{t("connector.page.next")} →</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t("connector.accounts")}</h2>
        <ul className="market-accounts">
          {accounts.map((a) => (
            <li key={a.code} className="market-account card">
              <h3>{a.name}</h3>
              <p>
                <span className={`listing-status ${a.usable ? "status-live" : a.accountId ? "status-error" : "status-none"}`}>
                  {a.usable ? t("connector.account.connected") : a.status === "expired" ? t("connector.account.expired") : a.status === "revoked" ? t("connector.account.revoked") : a.accountId ? t("connector.account.unusable") : t("connector.account.none")}
                </span>
              </p>
              {a.usable && a.shopName ? <p className="muted">{t("connector.account.shop", { shop: a.shopName })}</p> : null}
              {a.usable && a.reconnectWithinDays !== null ? (
                <p className="alert info" id={`ends-${a.code}`}>
                  {a.reconnectWithinDays === 0 ? t("connector.account.endsToday", { name: a.name }) : t("connector.account.endsIn", { name: a.name, days: String(a.reconnectWithinDays) })}
                </p>
              ) : null}
              {a.hasApi ? null : <p className="muted small">{t("connector.fileShort")}</p>}
              <div className="account-actions">
                {!a.usable || a.reconnectWithinDays !== null ? (
                  <Form method="post" action={`/kenh-nguoi-ban/san-tmdt/ket-noi/${a.code}`} reloadDocument={a.hasApi}>
                    <CsrfInput />
                    <button className="button" type="submit" aria-label={`${a.hasApi ? t(a.accountId ? "connector.reconnect" : "connector.connect") : t("connector.enableFile")} ${a.name}`}>
                      {a.hasApi ? t(a.accountId ? "connector.reconnect" : "connector.connect") : t("connector.enableFile")}
                    </button>
                  </Form>
                ) : null}
                {a.usable && !a.hasApi ? (
                  <Link className="button secondary" to={`/kenh-nguoi-ban/san-tmdt/xuat/${a.code}`}>
                    {t("connector.exportPage")}
                  </Link>
                ) : null}
                {a.usable && a.hasApi ? (
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="code" value={a.code} />
                    <button className="link-button" type="submit" name="intent" value="disconnect">
                      {t("connector.disconnect")} {a.name}
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Flash({ flash, names }: { flash: Flash; names: Record<MarketplaceCode, string> }) {
  const t = useAllT();
  const name = (code: string | undefined) => {
    const parsed = MarketplaceCodeSchema.safeParse(code);
    return parsed.success ? names[parsed.data] : null;
  };
  const lines: string[] = [];
  if (name(flash["da-ket-noi"])) lines.push(t("connector.connected", { marketplace: name(flash["da-ket-noi"])!, shop: flash["gian-hang"] ?? "" }));
  if (name(flash["da-bat"])) lines.push(t("connector.enabled", { marketplace: name(flash["da-bat"])! }));
  if (name(flash["da-ngat"])) lines.push(t("connector.disconnected", { marketplace: name(flash["da-ngat"])! }));
  if (flash["da-dang"] !== undefined) lines.push(t("connector.publish.queued", { count: Number(flash["da-dang"]) || 0 }));
  if (Number(flash["chua-du"]) > 0) lines.push(t("connector.publish.refused", { count: Number(flash["chua-du"]) }));
  const missing = (flash["chua-ket-noi"] ?? "").split(",").map(name).filter(Boolean);
  if (missing.length) lines.push(t("connector.publish.notConnected", { list: missing.join(", ") }));
  if (flash["thu-lai"] !== undefined) lines.push(t("connector.retry.done", { count: Number(flash["thu-lai"]) || 0 }));
  if (flash["nhap-don"] !== undefined) lines.push(t("connector.importOrders.done", { count: Number(flash["nhap-don"]) || 0 }));
  const error = flash["loi-ket-noi"];
  return (
    <>
      {lines.length ? (
        <div className="alert info" role="status">
          {lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      ) : null}
      {error === "state" || error === "denied" || error === "failed" ? (
        <p className="alert error" role="alert">
          {t(`connector.connectError.${error}` as MessageKey)}
        </p>
      ) : null}
    </>
  );
}
