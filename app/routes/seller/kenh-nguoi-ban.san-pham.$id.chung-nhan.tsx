import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { addCertificate, certificateProvinces, deleteCertificate, productCertificates } from "~/seller/certificates.server";
import { CERTIFICATE_FIELDS, CertificateSchema } from "~/seller/product-form";
import { idParam, notFound } from "~/http/route-params.server";
import { getSellerProduct } from "~/seller/product-queries.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { invalid, submitted } from "~/form-errors";
import { formatDay, formatInstant } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { CERT_KINDS } from "#db/vocabulary";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const id = idParam(params.id);
  if (!getSellerProduct(producerId, id)) throw notFound();
  return { id, certificates: productCertificates(producerId, id), provinces: certificateProvinces() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const id = idParam(params.id);
  if (!getSellerProduct(producerId, id)) throw notFound();
  const here = `/kenh-nguoi-ban/san-pham/${id}/chung-nhan`;
  if (form.get("intent") === "delete") {
    const certificateId = Number(form.get("certificateId"));
    if (!Number.isSafeInteger(certificateId) || !deleteCertificate(producerId, id, certificateId)) throw notFound();
    throw redirect(`${here}?done=deleted`);
  }
  const values = submitted(form, CERTIFICATE_FIELDS, 200);
  const parsed = CertificateSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { values });
  const result = addCertificate(producerId, id, parsed.data);
  if (!result.ok) {
    if (result.field === "form") throw notFound();
    return invalid({ [result.field]: result.error }, { values });
  }
  throw redirect(`${here}?done=added`);
}

export default function ProductCertificates() {
  const { id, certificates, provinces } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const v: Partial<Record<(typeof CERTIFICATE_FIELDS)[number], string>> = result?.values ?? { kind: "ocop" };
  const e = result?.errors ?? {};
  const done = params.get("done");
  return (
    <>
      {done === "added" || done === "deleted" ? (
        <p className="alert success" role="status">
          {t(done === "added" ? "certs.added" : "certs.deleted")}
        </p>
      ) : null}
      {certificates.length === 0 ? (
        <p className="muted">{t("product.noCertificates")}</p>
      ) : (
        <ul className="plain-list">
          {certificates.map((c) => (
            <li key={c.id} className="row-item">
              <span>
                <strong>
                  {t(`cert.${c.kind}`)}
                  {c.stars ? ` ${"★".repeat(c.stars)}` : ""}
                </strong>
                {c.stars ? <span className="visually-hidden"> {t("stars.label", { stars: c.stars })}</span> : null} · {c.number}{" "}
                {c.review ? null : <span className={`badge ${c.valid ? "ok" : "expired"}`}>{c.valid ? t("product.certValid") : t("product.certExpired")}</span>}
                <span className="muted block">
                  {c.issuer} · {formatDay(c.issuedOn)} – {formatDay(c.expiresOn)}
                  {c.issueProvince ? ` · ${c.issueProvinceNow ? t("product.nowPartOf", { former: c.issueProvince, current: c.issueProvinceNow }) : c.issueProvince}` : ""}
                </span>
                {c.kind === "ocop" && !c.valid ? <span className="field-error block">{t("certs.expiredNote")}</span> : null}
                {c.review ? (
                  <span className="alert error block" role="note">
                    {t(c.review === "rejected" ? "reconcile.review.rejected" : "reconcile.review.superseded", {
                      date: formatInstant(c.reviewedAt!),
                      note: c.reviewNote ?? "",
                    })}{" "}
                    {t("reconcile.review.hint")}
                  </span>
                ) : null}
              </span>
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="certificateId" value={c.id} />
                <button type="submit" name="intent" value="delete" className="link-button danger">
                  {t("certs.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <section className="section card" aria-labelledby="add-cert-heading">
        <h2 id="add-cert-heading">{t("certs.add")}</h2>
        <Form method="post" noValidate className="cert-form">
          <CsrfInput />
          <SelectField name="kind" label={t("certs.kind")} value={v.kind} error={e.kind} placeholder={false}>
            {CERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cert.${k}`)}
              </option>
            ))}
          </SelectField>
          <div className="ocop-only">
            <SelectField name="stars" label={t("certs.stars")} value={v.stars} error={e.stars} hint={t("certs.starsHint")}>
              {[3, 4, 5].map((s) => (
                <option key={s} value={s}>
                  {t("stars.label", { stars: s })}
                </option>
              ))}
            </SelectField>
          </div>
          <Field name="number" label={t("certs.number")} defaultValue={v.number} error={e.number} hint={t("certs.numberHint")} required />
          <Field name="issuer" label={t("certs.issuer")} defaultValue={v.issuer} error={e.issuer} hint={t("certs.issuerHint")} required />
          <div className="field-row">
            <Field name="issuedOn" label={t("certs.issuedOn")} placeholder="dd/mm/yyyy" inputMode="numeric" defaultValue={v.issuedOn} error={e.issuedOn} required />
            <Field name="expiresOn" label={t("certs.expiresOn")} placeholder="dd/mm/yyyy" inputMode="numeric" defaultValue={v.expiresOn} error={e.expiresOn} hint={t("certs.expiresHint")} />
          </div>
          <SelectField name="issueProvince" label={t("certs.province")} value={v.issueProvince} error={e.issueProvince} hint={t("certs.provinceHint")}>
            {provinces.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.successor ? t("product.nowPartOf", { former: p.name, current: p.successor }) : p.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={busy}>
            {t("certs.save")}
          </button>
        </Form>
      </section>
      <p>
        <Link to={`/kenh-nguoi-ban/san-pham/${id}/san-sang`}>{t("certs.nextReadiness")}</Link>
      </p>
    </>
  );
}
