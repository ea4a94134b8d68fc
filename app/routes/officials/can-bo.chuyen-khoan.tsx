import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireVerifier } from "~/auth/scope-guards.server";
import { LinkStateBadge } from "~/components/bank-link-card";
import { TableWrap } from "~/components/table-wrap";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { linksForProvince } from "~/payments/bank-links.server";
import sellerCss from "~/styles/seller-products.css?url";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sellerCss }];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "transferConfirmation")];

// Which producers of the official's province confirm VietQR transfers automatically (a SePay
// link that proved itself) and which by hand.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  return { producers: linksForProvince(provinceId), provinceName: provinceId === null ? null : user.provinceName };
}

export default function ProducerConfirmations() {
  const { producers, provinceName } = useLoaderData<typeof loader>();
  const t = useAllT();
  const automatic = producers.filter((p) => p.automatic).length;
  return (
    <>
      <h1>{t("officials.confirm.title")}</h1>
      <p className="muted">{provinceName ? t("verify.scopeProvince", { province: provinceName }) : t("verify.scopeAll")}</p>
      <p>{t("officials.confirm.intro")}</p>
      {producers.length === 0 ? (
        <p className="muted">{t("officials.confirm.empty")}</p>
      ) : (
        <>
          <p data-testid="confirm-summary">
            <strong>{t("officials.confirm.summary", { automatic: formatNumber(automatic), manual: formatNumber(producers.length - automatic) })}</strong>
          </p>
          <TableWrap label={t("officials.confirm.title")}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("officials.confirm.producer")}</th>
                  <th scope="col">{t("officials.confirm.how")}</th>
                  <th scope="col">{t("officials.confirm.state")}</th>
                  <th scope="col">{t("officials.confirm.last")}</th>
                </tr>
              </thead>
              <tbody>
                {producers.map((p) => (
                  <tr key={p.producerId} data-testid="confirm-row">
                    <th scope="row">
                      <Link to={`/can-bo/xac-minh/${p.producerId}`}>{p.name}</Link>
                    </th>
                    <td>
                      <span className={`badge ${p.automatic ? "ok" : "muted-badge"}`}>{t(p.automatic ? "officials.confirm.automatic" : "officials.confirm.manual")}</span>
                    </td>
                    <td>
                      <LinkStateBadge state={p.state} />
                    </td>
                    <td>{p.lastNotificationAt ? formatDateTime(p.lastNotificationAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </>
  );
}
