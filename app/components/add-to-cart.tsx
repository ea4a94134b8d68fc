import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { MessageKey } from "~/i18n/messages";
import { useAnyT, useT } from "~/i18n/use-t";
import { CsrfInput } from "./csrf-input";

type Reply = { ok: boolean; problem: { key: MessageKey; params?: Record<string, string | number> } | null };

/**
 * "Add to cart": a plain form posting to /gio-hang (without JavaScript the shopper lands on
 * the cart); once hydrated it posts in the background, stays on the page and says so.
 */
export function AddToCart({ productId, stock }: { productId: number; stock: number }) {
  const t = useT();
  const tAny = useAnyT(); // keys that come with the data
  const fetcher = useFetcher<Reply>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post" action="/gio-hang" className="add-to-cart" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      {hydrated ? <input type="hidden" name="stay" value="1" /> : null}
      <div className="add-to-cart-row">
        <label htmlFor="add-quantity">{t("cart.quantity")}</label>
        <input id="add-quantity" name="quantity" type="number" inputMode="numeric" min={1} max={Math.min(stock, 999)} defaultValue={1} />
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {t("cart.add")}
        </button>
      </div>
      <div aria-live="polite">
        {reply?.ok ? (
          <p className="alert success" role="status">
            {t("cart.added")} <Link to="/gio-hang">{t("cart.view")}</Link>
          </p>
        ) : null}
        {reply?.problem ? (
          <p className="field-error" role="alert">
            {tAny(reply.problem.key, reply.problem.params)}
          </p>
        ) : null}
      </div>
    </fetcher.Form>
  );
}
