import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireVerifier } from "~/auth/scope-guards.server";
import { verificationQueue } from "~/verification/verification.server";
import { formatInstant, formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import workspaceCss from "~/styles/workspace.css?url";
import sellerCss from "~/styles/seller-products.css?url";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "verification")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  return { queue: verificationQueue({ provinceId }), provinceName: provinceId === null ? null : user.provinceName };
}

export default function VerificationQueue() {
  const { queue, provinceName } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useAllT();
  const verified = params.get("verified");
  return (
    <>
      <h1>{t("verify.title")}</h1>
      <p className="muted">{provinceName ? t("verify.scopeProvince", { province: provinceName }) : t("verify.scopeAll")}</p>
      {verified ? (
        <p className="alert success" role="status">
          {t("verify.verified", { name: verified })}
        </p>
      ) : null}
      {queue.length === 0 ? (
        <p>{t("verify.empty")}</p>
      ) : (
        <ul className="plain-list">
          {queue.map((p) => (
            <li key={p.id} className="row-item">
              <span>
                <Link to={`/can-bo/xac-minh/${p.id}`}>
                  <strong>{p.name}</strong>
                </Link>
                <br />
                <span className="muted">
                  {t(`producer.kind.${p.kind}`)} · {p.provinceName} · {t("verify.waitingSince", { date: formatInstant(p.createdAt) })} ·{" "}
                  {t("verify.products", { count: formatNumber(p.products) })}
                </span>
                {p.claims ? (
                  <>
                    <br />
                    {t("verify.claims", { name: p.claims.name, taxCode: p.claims.taxCode, count: formatNumber(p.claims.products) })}
                  </>
                ) : null}
                <br />
                {p.missing.length > 0 ? (
                  <span className="badge expired">{t("verify.missing", { facts: p.missing.map((m) => t(`profile.missing.${m}`)).join(", ") })}</span>
                ) : (
                  <span className="badge ok">{t("verify.complete")}</span>
                )}
              </span>
              <Link className="button secondary" to={`/can-bo/xac-minh/${p.id}`}>
                {t("verify.open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
