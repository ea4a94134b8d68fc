import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireUser } from "~/auth/guards.server";
import { currentProvinces } from "~/places/provinces.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { env } from "~/env.server";
import { fieldErrors, invalid, submitted, type FieldErrors } from "~/form-errors";
import { formatVnd } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { useAnyT, useLocale } from "~/i18n/use-t";
import { useOrderT } from "~/i18n/use-order-t";
import { planCheckout } from "~/checkout/checkout-plan";
import { buyerPhone, checkoutPreview, placeCheckout } from "~/checkout/checkout.server";
import { CheckoutSchema } from "~/checkout/forms";
import { addressBook, savedAddress } from "~/checkout/address-book.server";
import { readAddress } from "~/checkout/address-form.server";
import { AddressFields } from "~/components/address-fields";
import { useHydrated } from "~/components/use-hydrated";
import { checkoutProblem, type Problem } from "~/checkout/problems";
import { methodOrder } from "~/checkout/method-order";
import { lastCheckout } from "~/orders/queries.server";
import { startPayment } from "~/payments/sessions.server";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "checkout")];

const KEPT = ["address", "name", "phone", "province", "commune", "street", "note", "method"] as const;
type Values = Partial<Record<(typeof KEPT)[number], string>>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const preview = checkoutPreview(user.id, null);
  if (preview.lines.length === 0) throw redirect("/gio-hang");
  // The form starts from the default address of the buyer's book (the others offered beside it), or
  // else the address of their last checkout; and from the method they used last.
  const book = addressBook(user.id);
  const last = lastCheckout(user.id);
  // The fields start as the default address (a copy to edit for "Địa chỉ khác"), else the last checkout's.
  const start = book[0] ?? last;
  return {
    provinces: currentProvinces(),
    lines: preview.lines,
    rates: preview.rates,
    book,
    defaults: {
      address: book[0] ? String(book[0].id) : "new",
      name: start?.name ?? user.name,
      phone: start?.phone ?? buyerPhone(user.id),
      province: start?.province ?? "",
      commune: start?.commune ?? "",
      street: start?.street ?? "",
    },
    methods: methodOrder(await getLocale(request), last?.method ?? null),
    vietqrMinutes: env().VIETQR_EXPIRY_MINUTES,
  };
}

/** "Tính phí" (without JavaScript) re-renders the page with the fee; "Đặt hàng" places the checkout. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, KEPT, 600);
  const saved = /^\d{1,12}$/.test(values.address) ? savedAddress(user.id, Number(values.address)) : null;
  if (form.get("intent") === "estimate") return { values, problem: null as Problem | null, errors: {} as FieldErrors };

  const address = saved
    ? { ok: true as const, address: { name: saved.name, phone: saved.phone, provinceId: saved.provinceId, commune: saved.commune, street: saved.street } }
    : readAddress(form);
  const parsed = CheckoutSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success || !address.ok) {
    const errors: FieldErrors = { ...(address.ok ? {} : address.errors), ...(parsed.success ? {} : fieldErrors(parsed.error)) };
    return invalid(errors, { values, problem: null as Problem | null });
  }
  const input = parsed.data;
  const ship = address.address;
  const result = placeCheckout({
    userId: user.id,
    buyerName: ship.name,
    buyerPhone: ship.phone,
    buyerEmail: user.email,
    shipProvinceId: ship.provinceId,
    shipCommune: ship.commune,
    shipStreet: ship.street,
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
  const { provinces, lines, rates, book, defaults, methods, vietqrMinutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useOrderT();
  const tAny = useAnyT(); // keys that come with the data
  const locale = useLocale();
  const hydrated = useHydrated();
  const busy = useNavigation().state !== "idle";
  const v: Values = result?.values ?? {};
  const e: FieldErrors = result?.errors ?? {};
  const known = (id: string | undefined) => (id && (id === "new" || book.some((a) => String(a.id) === id)) ? id : undefined);
  const [choice, setChoice] = useState(known(v.address) ?? defaults.address);
  const [provinceSlug, setProvinceSlug] = useState(v.province ?? defaults.province);
  const [method, setMethod] = useState<string>(v.method || methods[0]!);
  const chosen = book.find((a) => String(a.id) === choice);
  const shipSlug = chosen ? chosen.province : provinceSlug;
  const provinceId = provinces.find((p) => p.slug === shipSlug)?.id ?? null;
  const plan = planCheckout(lines, rates, provinceId);
  const fee = (n: number | null) => (n === null ? t("checkout.shippingPick") : n === 0 ? t("checkout.free") : formatVnd(n));
  const fresh = (k: "name" | "phone" | "province" | "commune" | "street") => v[k] ?? defaults[k];
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
          {book.length > 0 ? (
            <fieldset className="field address-choices">
              <legend>{t("address.deliverTo")}</legend>
              {book.map((a) => (
                <label key={a.id} className="address-choice">
                  <input type="radio" name="address" value={a.id} checked={choice === String(a.id)} onChange={() => setChoice(String(a.id))} />
                  <span>
                    <strong>
                      {a.name} · {a.phone}
                      {a.isDefault ? <span className="badge">{t("address.default")}</span> : null}
                    </strong>
                    <span className="muted">
                      {a.street}, {a.commune}, {locale === "en" ? a.provinceNameEn : a.provinceName}
                    </span>
                  </span>
                </label>
              ))}
              <label className="address-choice">
                <input type="radio" name="address" value="new" checked={choice === "new"} onChange={() => setChoice("new")} />
                <span>
                  <strong>{t("address.other")}</strong>
                </span>
              </label>
            </fieldset>
          ) : (
            <input type="hidden" name="address" value="new" />
          )}
          {/* Without JavaScript the fields stay, for the "other address" choice; with it, they show only for it. */}
          <div className="address-fields" hidden={hydrated && choice !== "new"}>
            <AddressFields
              prefix="field"
              provinces={provinces}
              values={{ name: fresh("name"), phone: fresh("phone"), commune: fresh("commune"), street: fresh("street") }}
              errors={e}
              province={provinceSlug}
              onProvince={setProvinceSlug}
            />
          </div>
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
          {hydrated ? null : (
            <div className="estimate">
              <p className="muted">{t("checkout.estimateHint")}</p>
              <button type="submit" name="intent" value="estimate" formNoValidate className="button secondary">
                {t("checkout.estimate")}
              </button>
            </div>
          )}
          <p className="summary-row total">
            <span>{t("checkout.total")}</span>
            <strong data-testid="checkout-total">
              {plan.total === null ? `${formatVnd(plan.subtotal)} + ${t("checkout.shipping").toLowerCase()}` : formatVnd(plan.total)}
            </strong>
          </p>
          <button type="submit" name="intent" value="place" className="button wide" disabled={busy}>
            {method === "cod" || method === "vietqr" ? t("checkout.place") : t("checkout.placeAndPay")}
          </button>
        </aside>
      </Form>
    </div>
  );
}
