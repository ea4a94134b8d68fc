import type { Certificate } from "~/catalog/product-detail.server";
import { formatDay } from "~/i18n/format";
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { TableWrap } from "./table-wrap";

/** `checkLink`: where a certificate's number leads (its public certificate page), or null for plain text. */
export function CertificateTable({ certificates, checkLink }: { certificates: Certificate[]; checkLink?: (c: Certificate) => string | null }) {
  const t = useT();
  if (certificates.length === 0) return <p className="muted">{t("product.noCertificates")}</p>;
  return (
    <TableWrap label={t("product.certificates")}>
      <table className="data stack-on-phone">
        <thead>
          <tr>
            <th scope="col">{t("catalog.cert")}</th>
            <th scope="col">{t("product.certNumber")}</th>
            <th scope="col">{t("product.certIssuer")}</th>
            <th scope="col">{t("product.certProvince")}</th>
            <th scope="col">{t("product.certValidity")}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((c) => (
            <tr key={c.id}>
              <td data-label={t("catalog.cert")}>
                {t(`cert.${c.kind}`)}
                {c.stars ? ` ${"★".repeat(c.stars)}` : ""}
                {c.stars ? <span className="visually-hidden"> {t("stars.label", { stars: c.stars })}</span> : null}
              </td>
              <td data-label={t("product.certNumber")}>
                {checkLink?.(c) ? <Link to={checkLink(c)!}>{c.number}</Link> : c.number}
              </td>
              <td data-label={t("product.certIssuer")}>{c.issuer}</td>
              <td data-label={t("product.certProvince")}>
                {c.issueProvince
                  ? c.issueProvinceNow
                    ? t("product.nowPartOf", { former: c.issueProvince, current: c.issueProvinceNow })
                    : c.issueProvince
                  : "—"}
              </td>
              <td data-label={t("product.certValidity")}>
                {formatDay(c.issuedOn)} – {formatDay(c.expiresOn)}{" "}
                <span className={`badge ${c.valid ? "ok" : "expired"}`}>
                  {c.valid ? t("product.certValid") : t("product.certExpired")}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
