import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { Stars } from "~/components/stars";
import { formatDay, formatInstant } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import traceabilityCss from "~/styles/traceability.css?url";
import { certifiedProducts, type CertifiedProduct } from "~/traceability/certificate.server";
import { normaliseDecision } from "~/traceability/decision";
import { pageTitle } from "~/i18n/titles";

// /chung-nhan/<decision number>[?sp=<product slug>]: the public page a packaging label's QR code
// opens. The number may come URL-encoded ("1234%2FQ%C4%90-UBND") or with its slash as a path
// separator (/chung-nhan/1234/QĐ-UBND): a splat route takes both.
const Query = z.object({
  number: z.string().min(1).max(80),
  sp: z.string().regex(/^[a-z0-9-]{1,200}$/).optional(),
});

function decisionFrom(splat: string): string {
  try {
    return normaliseDecision(decodeURIComponent(splat));
  } catch {
    return normaliseDecision(splat);
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = Query.safeParse({ number: decisionFrom(params["*"] ?? ""), sp: url.searchParams.get("sp") ?? undefined });
  if (!query.success) throw data({ reason: "certificate_not_found" as const }, { status: 404 });
  const all = certifiedProducts(query.data.number);
  const products = query.data.sp ? all.filter((p) => p.product.slug === query.data.sp) : all;
  if (products.length === 0) throw data({ reason: "certificate_not_found" as const }, { status: 404 });
  return { number: query.data.number, products, total: all.length, one: !!query.data.sp };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: traceabilityCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data ? pageTitle(matches, ["certificate", { number: data.number }]) : pageTitle(matches),
  { name: "robots", content: "noindex" },
];

export default function CertificatePage() {
  const { number, products, total, one } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="trace">
      <h1>{t("trace.title", { number })}</h1>
      <p className="muted">{t("trace.intro")}</p>
      {one && total > 1 ? (
        <p>
          {t("trace.only")} <Link to={`/chung-nhan/${encodeURIComponent(number)}`}>{t("trace.all")}</Link> ({total})
        </p>
      ) : total > 1 ? (
        <p>{t("trace.count", { count: total })}</p>
      ) : null}
      {products.map((p) => (
        <CertifiedCard key={p.productId} p={p} number={number} />
      ))}
    </article>
  );
}

function CertifiedCard({ p, number }: { p: CertifiedProduct; number: string }) {
  const t = useT();
  const status =
    p.validity === "valid"
      ? t("trace.valid", { day: formatDay(p.expiresOn) })
      : p.validity === "expired"
        ? t("trace.expired", { day: formatDay(p.expiresOn) })
        : t("trace.notYet", { day: formatDay(p.issuedOn) });
  return (
    <section className={`trace-card card ${p.validity}`} aria-labelledby={`trace-${p.productId}`} data-testid="certified-product">
      <h2 id={`trace-${p.productId}`}>{p.registry?.productName ?? p.product.name}</h2>
      <p className={`trace-status ${p.validity}`} role={p.validity === "valid" ? undefined : "alert"} data-testid="validity">
        <span className={p.validity === "valid" ? undefined : "stars-void"}>
          <Stars stars={p.stars} />
        </span>{" "}
        <strong>{status}</strong>
      </p>
      {p.validity === "expired" ? <p className="field-error">{t("trace.expiredNote")}</p> : null}
      <p className={p.registry ? "trace-registry ok" : "trace-registry pending"} data-testid="registry">
        {p.registry ? t("trace.registryYes", { province: p.registry.province }) : t("trace.registryNo")}
      </p>
      {p.mismatch ? <p className="alert info">{t("trace.mismatch")}</p> : null}
      <dl className="facts">
        <dt>{t("trace.product")}</dt>
        <dd>{p.product.visible ? <Link to={`/san-pham/${p.product.slug}`}>{p.product.name}</Link> : p.product.name}</dd>
        <dt>{t("trace.producer")}</dt>
        <dd>
          {p.producer.visible ? <Link to={`/nha-san-xuat/${p.producer.slug}`}>{p.registry?.producerName ?? p.producer.name}</Link> : (p.registry?.producerName ?? p.producer.name)}
        </dd>
        <dt>{t("trace.stars")}</dt>
        <dd>{t("stars.label", { stars: p.stars })}</dd>
        <dt>{t("trace.decision")}</dt>
        <dd>
          {number} · {formatDay(p.issuedOn)}
        </dd>
        {p.certificate ? (
          <>
            <dt>{t("trace.issuer")}</dt>
            <dd>{p.certificate.issuer}</dd>
          </>
        ) : null}
        <dt>{t("trace.validity")}</dt>
        <dd>
          {formatDay(p.issuedOn)} – {formatDay(p.expiresOn)}
        </dd>
        <dt>{t("trace.provinceAtIssue")}</dt>
        <dd>
          {p.certificate?.provinceAtIssue
            ? p.certificate.provinceAtIssueNow
              ? t("product.nowPartOf", { former: p.certificate.provinceAtIssue, current: p.certificate.provinceAtIssueNow })
              : p.certificate.provinceAtIssue
            : (p.registry?.province ?? "—")}
        </dd>
        <dt>{t("trace.provinceNow")}</dt>
        <dd>{p.provinceNow}</dd>
      </dl>
      <h3>{t("trace.platform")}</h3>
      {p.certificate ? (
        <p>
          {t("stars.label", { stars: p.certificate.stars })} · {p.certificate.issuer} · {formatDay(p.certificate.issuedOn)} –{" "}
          {formatDay(p.certificate.expiresOn)}
        </p>
      ) : (
        <p className="muted">{t("trace.platformNone")}</p>
      )}
      <h3>{t("trace.whereSold")}</h3>
      {p.sold.storefront || p.sold.listings.length > 0 ? (
        <ul className="trace-where" data-testid="where-sold">
          {p.sold.storefront ? (
            <li>
              <Link to={p.sold.storefront}>{t("trace.storefront")}</Link>
            </li>
          ) : null}
          {p.sold.listings.map((l) => (
            <li key={l.marketplace}>
              {l.url ? (
                <a href={l.url} rel="noopener nofollow">
                  {l.marketplace}
                </a>
              ) : (
                l.marketplace
              )}
              {l.since ? <span className="muted"> · {t("trace.liveSince", { day: formatInstant(l.since) })}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("trace.notSold")}</p>
      )}
    </section>
  );
}

/** An unknown decision number says so (and how to check it), keeping the site's chrome. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const params = useParams();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="card narrow" data-testid="certificate-not-found">
        <h1>{t("error.notFound")}</h1>
        <p>{t("trace.notFound")}</p>
        <p className="muted">
          {params["*"] ? decisionFrom(params["*"]) : ""} · HTTP 404
        </p>
        <a className="button" href="/">
          {t("error.home")}
        </a>
      </div>
    );
  }
  return <ErrorPage />;
}
