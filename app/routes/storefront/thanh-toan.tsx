import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireUser } from "~/auth/guards.server";
import { currentProvinceBySlug, currentProvinces } from "~/places/provinces.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { env } from "~/env.server";
import { fieldErrors, invalid, submitted, type FieldErrors } from "~/form-errors";
import { formatVnd } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { useAnyT, useLocale, useT } from "~/i18n/use-t";
import { planCheckout } from "~/checkout/checkout-plan";
import { buyerPhone, checkoutPreview, placeCheckout } from "~/checkout/checkout.server";
import { CheckoutSchema } from "~/checkout/forms";
import { checkoutProblem, type Problem } from "~/checkout/problems";
import { methodOrder } from "~/checkout/method-order";
import { lastCheckout } from "~/orders/queries.server";
import { startPayment } from "~/payments/sessions.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "Thanh toán · OCOP Connect" }];

const KEPT = ["name", "phone", "province", "commune", "street", "note", "method"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const preview = checkoutPreview(user.id, null);
  if (preview.lines.length === 0) throw redirect("/gio-hang");
  // The form starts from the buyer's last checkout: its address, and its payment method first.
  const last = lastCheckout(user.id);
  return {
    provinces: currentProvinces(),
    lines: preview.lines,
    rates: preview.rates,
    defaults: {
      name: last?.name ?? user.name,
      phone: last?.phone ?? buyerPhone(user.id),
      province: last?.province ?? "",
      commune: last?.commune ?? "",
      street: last?.street ?? "",
    },
    methods: methodOrder(await getLocale(request), last?.method ?? null),
    vietqrMinutes: env().VIETQR_EXPIRY_MINUTES,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, KEPT, 600);
  const parsed = CheckoutSchema.safeParse(Object.fromEntries(form));
  // One of the 34 current units: a former (merged) province or an unknown one is refused.
  const province = currentProvinceBySlug(values.province);
  if (!parsed.success || !province) {
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!province) errors.province = "checkout.validation.province";
    return invalid(errors, { values, problem: null as Problem | null });
  }
  const input = parsed.data;
  const result = placeCheckout({
    userId: user.id,
    buyerName: input.name,
    buyerPhone: input.phone,
    buyerEmail: user.email,
    shipProvinceId: province.id,
    shipCommune: input.commune,
    shipStreet: input.street,
    note: input.note,
    method: input.method,
  });
  if (!result.ok) return invalid({}, { values, problem: checkoutProblem(result.problem) }, 409);
  const { checkoutCode, redirect: toProvider } = result.placed;
  if (toProvider) {
    const clientIp = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() || "127.0.0.1";
    const started = await startPayment(checkoutCode, { userId: user.id, email: user.email }, { locale: await getLocale(request), clientIp });
    if (started.kind === "redirect") throw redirect(started.url);
  }
  throw redirect(`/don-hang/${checkoutCode}`);
}

export default function Checkout() {
  const { provinces, lines, rates, defaults, methods, vietqrMinutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const tAny = useAnyT(); // keys that come with the data
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const v: Partial<Record<(typeof KEPT)[number], string>> = result?.values ?? {};
  const e = result?.errors ?? {};
  const [provinceSlug, setProvinceSlug] = useState(v.province ?? defaults.province);
  const [method, setMethod] = useState<string>(v.method || methods[0]!);
  const provinceId = provinces.find((p) => p.slug === provinceSlug)?.id ?? null;
  const plan = planCheckout(lines, rates, provinceId);
  const fee = (n: number | null) => (n === null ? t("checkout.shippingPick") : n === 0 ? t("checkout.free") : formatVnd(n));
  return (
    <div className="checkout">
      <h1>{t("checkout.title")}</h1>
      {result?.problem ? (
        <div className="alert error" role="alert">
          <strong>{t("checkout.problem")}: </strong>
          {tAny(result.problem.key, result.problem.params)}
        </div>
      ) : null}
      <Form method="post" noValidate className="checkout-grid">
        <CsrfInput />
        <div className="card">
          <h2>{t("checkout.address")}</h2>
          <Field name="name" label={t("checkout.name")} autoComplete="name" required defaultValue={v.name ?? defaults.name} error={e.name} />
          <Field name="phone" label={t("checkout.phone")} type="tel" inputMode="tel" autoComplete="tel" required defaultValue={v.phone ?? defaults.phone} error={e.phone} />
          <Field name="province" label={t("checkout.province")} error={e.province}>
            <select
              id="field-province"
              name="province"
              value={provinceSlug}
              onChange={(ev) => setProvinceSlug(ev.target.value)}
              aria-invalid={e.province ? true : undefined}
              aria-describedby={e.province ? "field-province-error" : undefined}
            >
              <option value="">{t("auth.choose")}</option>
              {provinces.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {locale === "en" ? p.nameEn : p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="commune" label={t("checkout.commune")} autoComplete="address-level3" required defaultValue={v.commune ?? defaults.commune} error={e.commune} />
          <Field name="street" label={t("checkout.street")} autoComplete="address-line1" required defaultValue={v.street ?? defaults.street} error={e.street} />
          <Field name="note" label={t("checkout.note")} error={e.note}>
            <textarea id="field-note" name="note" rows={2} maxLength={500} defaultValue={v.note} />
          </Field>

          <fieldset className="field methods">
            <legend>{t("checkout.method")}</legend>
            {methods.map((m) => (
              <label key={m} className="method-choice">
                <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
                <span>
                  <strong>{t(`method.${m}`)}</strong>
                  <span className="muted">{t(`method.${m}.hint`, { minutes: vietqrMinutes })}</span>
                </span>
              </label>
            ))}
            {e.method ? <p className="field-error">{tAny(e.method)}</p> : null}
          </fieldset>
        </div>

        <aside className="card checkout-summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t("checkout.summary")}</h2>
          {plan.parts.length > 1 ? <p className="muted">{t("checkout.splitHint", { count: plan.parts.length })}</p> : null}
          {plan.parts.map((part) => (
            <div className="summary-part" key={part.producerId}>
              <h3>{part.producerName}</h3>
              <ul>
                {part.lines.map((l) => (
                  <li key={l.productId} className="summary-row">
                    <span>
                      {l.name} × {l.quantity}
                    </span>
                    <span>{formatVnd(l.price * l.quantity)}</span>
                  </li>
                ))}
                <li className="summary-row muted">
                  <span>{t("checkout.shipping")}</span>
                  <span data-testid="shipping-fee">{fee(part.shippingFee)}</span>
                </li>
              </ul>
            </div>
          ))}
          <p className="summary-row total">
            <span>{t("checkout.total")}</span>
            <strong data-testid="checkout-total">
              {plan.total === null ? `${formatVnd(plan.subtotal)} + ${t("checkout.shipping").toLowerCase()}` : formatVnd(plan.total)}
            </strong>
          </p>
          <button type="submit" className="button wide" disabled={busy}>
            {method === "cod" || method === "vietqr" ? t("checkout.place") : t("checkout.placeAndPay")}
          </button>
        </aside>
      </Form>
    </div>
  );
}
