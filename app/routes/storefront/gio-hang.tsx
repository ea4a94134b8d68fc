import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { getSessionUser } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf-input";
import { fieldErrors } from "~/form-errors";
import { formatVnd } from "~/i18n/format";
import { useAnyT, useT } from "~/i18n/use-t";
import { addToCart, cartLines, ensureCart, findCart, removeFromCart, setCartQuantity, type CartLine } from "~/checkout/cart.server";
import { CartFormSchema } from "~/checkout/forms";
import { cartProblem, type Problem } from "~/checkout/problems";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = () => [
  { title: "Giỏ hàng · OCOP Connect" },
  { name: "description", content: "Giỏ hàng của bạn trên OCOP Connect: sản phẩm OCOP theo từng nhà sản xuất, số lượng và tạm tính trước khi thanh toán." },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const cartId = await findCart(request, user?.id ?? null);
  const lines = cartId === null ? [] : cartLines(cartId);
  return { lines, loggedIn: user !== null };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = CartFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const problem: Problem = { key: errors.quantity ?? errors.productId ?? "error.badRequest" };
    return data({ ok: false as const, problem, productId: Number(form.get("productId")) || null }, { status: 400 });
  }
  const input = parsed.data;
  const user = await getSessionUser(request);
  const { cartId, setCookie } = await ensureCart(request, user?.id ?? null);
  const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
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
  const { lines, loggedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
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
            <p className="muted">{t("cart.shippingLater")}</p>
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
