import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireVerifier } from "~/auth/scope-guards.server";
import { readForm } from "~/http/read-form.server";
import {
  awaitingWithCandidates,
  matchAwaitingProduct,
  rejectOcopClaim,
} from "~/registry/reconciliation-actions.server";
import { CsrfInput } from "~/components/csrf-input";
import { invalid, submitted } from "~/form-errors";
import { formatDay, formatNumber } from "~/i18n/format";
import { decisionKey } from "~/indicators/registry";
import { useAllT } from "~/i18n/use-all-t";
import sellerCss from "~/styles/seller-products.css?url";
import workspaceCss from "~/styles/workspace.css?url";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "awaitingReconciliation", "registry")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  return {
    provinceName: provinceId === null ? null : user.provinceName,
    awaiting: awaitingWithCandidates(provinceId),
  };
}

const productId = z.coerce
  .number({ error: "reconcile.error.notAwaiting" })
  .int({ error: "reconcile.error.notAwaiting" })
  .positive({ error: "reconcile.error.notAwaiting" });
const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("match"),
      product: productId,
      entry: z.coerce
        .number({ error: "reconcile.error.entry" })
        .int({ error: "reconcile.error.entry" })
        .positive({ error: "reconcile.error.entry" }),
    }),
    z.object({
      intent: z.literal("reject"),
      product: productId,
      reason: z
        .string({ error: "reconcile.error.reason" })
        .trim()
        .min(10, { error: "reconcile.error.reason" })
        .max(500, { error: "reconcile.error.reason" }),
    }),
  ],
  { error: "reconcile.error.form" }
);

export async function action({ request }: ActionFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, ["product", "entry", "reason"], 500);
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, { values });
  const scope = { provinceId, userId: user.id };
  const d = parsed.data;
  const result =
    d.intent === "match"
      ? matchAwaitingProduct(scope, d.product, d.entry)
      : rejectOcopClaim(scope, d.product, d.reason);
  if (!result.ok)
    return invalid(
      {
        [result.error === "reconcile.error.entry" ? "entry" : "form"]:
          result.error,
      },
      { values },
      409
    );
  throw redirect(
    `/can-bo/doi-chieu?${
      d.intent === "match" ? "da-doi-chieu" : "khong-cong-nhan"
    }=${encodeURIComponent(result.name)}`
  );
}

export default function ReconciliationPage() {
  const { provinceName, awaiting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const matched = search.get("da-doi-chieu");
  const rejected = search.get("khong-cong-nhan");
  const e = result?.errors ?? {};
  const forProduct = (id: number) => result?.values.product === String(id);
  return (
    <>
      <p>
        <Link to="/can-bo/so-bo-ocop">← {t("registry.nav")}</Link>
      </p>
      <h1>{t("reconcile.title")}</h1>
      <p className="muted">
        {provinceName
          ? t("verify.scopeProvince", { province: provinceName })
          : t("verify.scopeAll")}
      </p>
      <p>{t("reconcile.intro")}</p>
      {matched ? (
        <p className="alert success" role="status">
          {t("reconcile.matched", { name: matched })}
        </p>
      ) : null}
      {rejected ? (
        <p className="alert success" role="status">
          {t("reconcile.rejected", { name: rejected })}
        </p>
      ) : null}
      {e.form && !awaiting.some((a) => forProduct(a.productId)) ? (
        <p className="alert error" role="alert">
          {t(e.form)}
        </p>
      ) : null}
      {awaiting.length === 0 ? (
        <p className="card section">{t("reconcile.none")}</p>
      ) : (
        <h2>
          {t("reconcile.count", { count: formatNumber(awaiting.length) })}
        </h2>
      )}
      <ul className="reconcile-list">
        {awaiting.map((a) => {
          const mine = forProduct(a.productId);
          const id = `p${a.productId}`;
          return (
            <li
              key={a.productId}
              className="card section"
              aria-labelledby={`${id}-name`}
            >
              <h3 id={`${id}-name`}>
                {a.visible ? (
                  <Link to={`/san-pham/${a.slug}`}>{a.name}</Link>
                ) : (
                  a.name
                )}
              </h3>
              <p className="muted">
                {a.producerName} ·{" "}
                {a.live ? t("reconcile.live") : t("reconcile.notLive")}
              </p>
              <p>
                {t("reconcile.claim", {
                  stars: a.stars,
                  decision: a.decisionNumber,
                  from: formatDay(a.issuedOn),
                  to: formatDay(a.expiresOn),
                })}
              </p>
              {mine && e.form ? (
                <p className="alert error" role="alert">
                  {t(e.form)}
                </p>
              ) : null}
              {a.candidates.length > 0 ? (
                <Form method="post" className="reconcile-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="match" />
                  <input type="hidden" name="product" value={a.productId} />
                  <div className="field">
                    <label htmlFor={`${id}-entry`}>
                      {t("reconcile.entry")}
                    </label>
                    <select
                      id={`${id}-entry`}
                      name="entry"
                      required
                      defaultValue={
                        mine
                          ? result?.values.entry
                          : String(
                              a.candidates.find(
                                (c) =>
                                  decisionKey(c.decisionNumber) ===
                                  decisionKey(a.decisionNumber)
                              )?.id ?? ""
                            )
                      }
                      aria-invalid={mine && e.entry ? true : undefined}
                      aria-describedby={
                        mine && e.entry ? `${id}-entry-error` : undefined
                      }
                    >
                      <option value="">{t("reconcile.choose")}</option>
                      {a.candidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          {t("reconcile.entryOption", {
                            decision: c.decisionNumber,
                            product: c.productName,
                            stars: c.stars,
                            to: formatDay(c.expiresOn),
                          })}
                        </option>
                      ))}
                    </select>
                    {mine && e.entry ? (
                      <span id={`${id}-entry-error`} className="field-error">
                        {t(e.entry)}
                      </span>
                    ) : null}
                  </div>
                  <button type="submit" className="button" disabled={busy}>
                    {t("reconcile.match")}
                  </button>
                </Form>
              ) : (
                <p className="field-hint">{t("reconcile.noEntry")}</p>
              )}
              <Form method="post" noValidate className="reconcile-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="reject" />
                <input type="hidden" name="product" value={a.productId} />
                <div className="field">
                  <label htmlFor={`${id}-reason`}>
                    {t("reconcile.reason")}
                  </label>
                  <textarea
                    id={`${id}-reason`}
                    name="reason"
                    rows={2}
                    maxLength={500}
                    defaultValue={mine ? result?.values.reason : ""}
                    aria-invalid={mine && e.reason ? true : undefined}
                    aria-describedby={
                      mine && e.reason ? `${id}-reason-error` : undefined
                    }
                  />
                  {mine && e.reason ? (
                    <span id={`${id}-reason-error`} className="field-error">
                      {t(e.reason)}
                    </span>
                  ) : null}
                </div>
                <button
                  type="submit"
                  className="button secondary"
                  disabled={busy}
                >
                  {t("reconcile.reject")}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
