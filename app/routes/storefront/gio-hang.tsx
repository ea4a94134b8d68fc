import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { csrfCookieForNewState, requireCsrf } from "~/auth/csrf.server";
import { getSessionUser } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf-input";
import { formatVnd } from "~/i18n/format";
import { useAnyT } from "~/i18n/use-t";
import { useOrderT } from "~/i18n/use-order-t";
import {
  addToCart,
  cartLines,
  ensureCart,
  findCart,
  guestAddress,
  removeFromCart,
  setCartQuantity,
  setGuestAddress,
  type CartLine,
  type GuestAddress,
} from "~/checkout/cart.server";
import { CartFormSchema, GuestAddressSchema } from "~/checkout/forms";
import { planCheckout } from "~/checkout/checkout-plan";
import { shippingRates } from "~/checkout/shipping.server";
import { currentProvinceBySlug, currentProvinces } from "~/places/provinces.server";
import { AddressFields, type ProvinceChoice } from "~/components/address-fields";
import { fieldErrors, invalid, submitted, type FieldErrors } from "~/form-errors";
import { cartProblem, type Problem } from "~/checkout/problems";
import { readForm } from "~/http/read-form.server";
import { pageTitle, titleText } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "cart"),
  { name: "description", content: titleText(matches, "cartDescription") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const cartId = await findCart(request, user?.id ?? null);
  const lines = cartId === null ? [] : cartLines(cartId);
  // A guest's "Giao tới": the address kept with their cart, and the fee it makes.
  const address = user === null && cartId !== null ? guestAddress(cartId) : null;
  const rates = Object.fromEntries(shippingRates([...new Set(lines.map((l) => l.producerId))]));
  const shipTo = address ? (currentProvinceBySlug(address.province)?.id ?? null) : null;
  const plan = planCheckout(lines, rates, shipTo);
  return {
    lines,
    loggedIn: user !== null,
    provinces: user === null && lines.length > 0 ? currentProvinces() : [],
    address,
    shipping: plan.shipping,
    total: plan.total,
  };
}

/** A guest's "Tính phí": the address is kept with their cart and the page shows the fee. */
async function keepGuestAddress(request: Request, form: FormData) {
  const values = submitted(form, ["province", "commune", "street"], 300);
  const parsed = GuestAddressSchema.safeParse(values);
  const province = currentProvinceBySlug(values.province);
  if (!parsed.success || !province) {
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!province) errors.province = "checkout.validation.province";
    return invalid(errors, { ok: false as const, problem: null, productId: null, values });
  }
  const user = await getSessionUser(request);
  const cartId = user ? null : await findCart(request, null);
  if (cartId !== null) setGuestAddress(cartId, { provinceId: province.id, commune: parsed.data.commune, street: parsed.data.street });
  throw redirect("/gio-hang");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  if (form.get("intent") === "address") return keepGuestAddress(request, form);
  const parsed = CartFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const problem: Problem = { key: errors.quantity ?? errors.productId ?? "error.badRequest" };
    return data({ ok: false as const, problem, productId: Number(form.get("productId")) || null }, { status: 400 });
  }
  const input = parsed.data;
  const user = await getSessionUser(request);
  const { cartId, setCookie } = await ensureCart(request, user?.id ?? null);
  const headers = new Headers();
  if (setCookie) {
    headers.append("Set-Cookie", setCookie);
    const secret = await csrfCookieForNewState(request); // the guest's state begins here, and its secret with it
    if (secret) headers.append("Set-Cookie", secret);
  }
  let refusal = null;
  if (input.intent === "add") refusal = addToCart(cartId, input.productId, input.quantity);
  else if (input.intent === "update") refusal = setCartQuantity(cartId, input.productId, input.quantity);
  else removeFromCart(cartId, input.productId);
  if (refusal) return data({ ok: false as const, problem: cartProblem(refusal), productId: input.productId }, { status: 409, headers });
  // With JavaScript the product page stays where it is; without, the shopper sees the cart.
  if (input.intent === "add" && input.stay) return data({ ok: true as const, problem: null, productId: input.productId }, { headers });
  throw redirect("/gio-hang", { headers });
}

function byProducer(lines: CartLine[]) {
  const groups: { producerName: string; producerSlug: string; lines: CartLine[] }[] = [];
  for (const l of lines) {
    const g = groups.find((x) => x.producerSlug === l.producerSlug);
    if (g) g.lines.push(l);
    else groups.push({ producerName: l.producerName, producerSlug: l.producerSlug, lines: [l] });
  }
  return groups;
}

export default function CartPage() {
  const { lines, loggedIn, provinces, address, shipping, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useOrderT();
  const tAny = useAnyT(); // keys that come with the data
  const subtotal = lines.reduce((a, l) => a + l.price * l.quantity, 0);
  const blocked = lines.some((l) => !l.available || l.quantity > l.stock);
  return (
    <div className="cart-page">
      <h1>{t("cart.title")}</h1>
      {result?.problem ? (
        <p className="alert error" role="alert">
          {tAny(result.problem.key, result.problem.params)}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <div className="card">
          <p>{t("cart.empty")}</p>
          <Link className="button" to="/san-pham">
            {t("cart.browse")}
          </Link>
        </div>
      ) : (
        <>
          {byProducer(lines).map((g) => (
            <section className="card cart-group" key={g.producerSlug} aria-label={t("cart.fromProducer", { producer: g.producerName })}>
              <h2>
                <Link to={`/nha-san-xuat/${g.producerSlug}`}>{g.producerName}</Link>
              </h2>
              <ul className="cart-lines">
                {g.lines.map((l) => (
                  <li key={l.productId} className="cart-line">
                    <div className="cart-line-name">
                      <Link to={`/san-pham/${l.slug}`}>{l.name}</Link>
                      <span className="muted">
                        {formatVnd(l.price)} / {l.unit}
                      </span>
                      {!l.available ? <span className="field-error">{t("cart.noLongerSold")}</span> : null}
                      {l.available && l.quantity > l.stock ? (
                        <span className="field-error">{t(l.stock === 0 ? "cart.outOfStock" : "cart.onlyLeft", { name: l.name, count: l.stock })}</span>
                      ) : null}
                    </div>
                    <Form method="post" className="cart-qty" noValidate>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="productId" value={l.productId} />
                      <label htmlFor={`qty-${l.productId}`} className="visually-hidden">
                        {t("cart.quantityOf", { name: l.name })}
                      </label>
                      <input id={`qty-${l.productId}`} name="quantity" type="number" inputMode="numeric" min={1} max={Math.max(1, Math.min(999, l.stock))} defaultValue={l.quantity} />
                      <button type="submit" className="button secondary small">
                        {t("cart.update")}
                      </button>
                    </Form>
                    <strong className="cart-line-total">{formatVnd(l.price * l.quantity)}</strong>
                    <Form method="post" className="cart-remove">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="productId" value={l.productId} />
                      <button type="submit" className="link-button" aria-label={t("cart.removeItem", { name: l.name })}>
                        {t("cart.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <div className="card cart-summary">
            <p className="summary-row">
              <span>{t("cart.subtotal")}</span>
              <strong>{formatVnd(subtotal)}</strong>
            </p>
            {loggedIn ? (
              <p className="muted">{t("cart.shippingLater")}</p>
            ) : (
              <GuestDelivery provinces={provinces} address={address} shipping={shipping} total={total} result={result && "values" in result ? result : undefined} />
            )}
            {loggedIn ? (
              blocked ? null : (
                <Link className="button" to="/thanh-toan">
                  {t("cart.checkout")}
                </Link>
              )
            ) : (
              <>
                <Link className="button" to="/dang-nhap?redirectTo=%2Fthanh-toan">
                  {t("cart.loginToCheckout")}
                </Link>
                <p className="muted">{t("cart.loginHint")}</p>
              </>
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** A guest's "Giao tới": where to deliver (kept with the cart), "Tính phí", then the fee and the total. */
function GuestDelivery({
  provinces,
  address,
  shipping,
  total,
  result,
}: {
  provinces: ProvinceChoice[];
  address: GuestAddress | null;
  shipping: number | null;
  total: number | null;
  result: { values?: Record<string, string>; errors?: FieldErrors } | undefined;
}) {
  const t = useOrderT();
  const values = result?.values ?? address ?? {};
  return (
    <>
      <Form method="post" className="guest-delivery" noValidate aria-labelledby="deliver-to">
        <CsrfInput />
        <input type="hidden" name="intent" value="address" />
        <h2 id="deliver-to">{t("cart.deliverTo")}</h2>
        <p className="muted">{t("cart.deliverHint")}</p>
        <AddressFields prefix="deliver" provinces={provinces} values={values} errors={result?.errors ?? {}} only={["province", "commune", "street"]} optional={["commune", "street"]} />
        <button type="submit" className="button secondary">
          {t("checkout.estimate")}
        </button>
      </Form>
      {shipping !== null && total !== null ? (
        <>
          <p className="summary-row">
            <span>{t("checkout.shipping")}</span>
            <span data-testid="shipping-fee">{shipping === 0 ? t("checkout.free") : formatVnd(shipping)}</span>
          </p>
          <p className="summary-row total">
            <span>{t("checkout.total")}</span>
            <strong data-testid="cart-total">{formatVnd(total)}</strong>
          </p>
        </>
      ) : (
        <p className="muted">{t("cart.shippingLater")}</p>
      )}
    </>
  );
}
