import { Form, useFetcher, useRouteLoaderData } from "@remix-run/react";
import { useState } from "react";
import type { ProductPhoto } from "~/seller/photos.server";
import { useAllT } from "~/i18n/use-all-t";
import { CsrfInput } from "./csrf-input";
import { Picture } from "./picture";

/**
 * A product's photos in order. Buttons move, describe and remove each photo (plain forms); with
 * JavaScript the list can also be reordered by dragging, sent as one "reorder" request.
 */
export function PhotoList({ photos, productName }: { photos: ProductPhoto[]; productName: string }) {
  const t = useAllT();
  const csrf = useRouteLoaderData<{ csrf: string }>("root")?.csrf ?? "";
  const fetcher = useFetcher();
  const [order, setOrder] = useState<number[] | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const shown = order ? order.map((id) => photos.find((p) => p.id === id)).filter((p): p is ProductPhoto => !!p) : photos;
  const dropOn = (targetId: number) => {
    if (dragging === null || dragging === targetId) return;
    const ids = shown.map((p) => p.id).filter((id) => id !== dragging);
    ids.splice(ids.indexOf(targetId) + (shown.findIndex((p) => p.id === dragging) < shown.findIndex((p) => p.id === targetId) ? 1 : 0), 0, dragging);
    setOrder(ids);
    setDragging(null);
    fetcher.submit({ intent: "reorder", order: ids.join(","), csrf }, { method: "post" });
  };
  return (
    <ol className="photo-list">
      {shown.map((p, i) => (
        <li
          key={p.id}
          className={`photo-item${dragging === p.id ? " dragging" : ""}`}
          draggable
          onDragStart={() => setDragging(p.id)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            dropOn(p.id);
          }}
        >
          <Picture image={p} sizes="160px" alt={p.alt || t("product.photoOf", { n: i + 1, name: productName })} className="photo-thumb" />
          <div className="photo-body">
            <p className="muted">
              {i === 0 ? <strong>{t("photos.cover")} · </strong> : null}
              {p.width}×{p.height} px · {p.avifReady ? "WebP + AVIF" : t("photos.avifPending")}
            </p>
            <Form method="post" className="alt-form">
              <CsrfInput />
              <input type="hidden" name="photoId" value={p.id} />
              <label htmlFor={`alt-${p.id}`}>{t("photos.alt")}</label>
              <input id={`alt-${p.id}`} name="alt" defaultValue={p.alt} maxLength={200} />
              <button type="submit" name="intent" value="alt" className="button secondary">
                {t("seller.save")}
              </button>
            </Form>
            <div className="inline-actions">
              {(
                [
                  ["first", t("photos.makeCover"), i === 0],
                  ["up", t("photos.up"), i === 0],
                  ["down", t("photos.down"), i === shown.length - 1],
                ] as const
              ).map(([to, label, disabled]) => (
                <Form method="post" key={to}>
                  <CsrfInput />
                  <input type="hidden" name="photoId" value={p.id} />
                  <input type="hidden" name="to" value={to} />
                  <button type="submit" name="intent" value="move" className="button secondary small" disabled={disabled}>
                    {label}
                  </button>
                </Form>
              ))}
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="photoId" value={p.id} />
                <button type="submit" name="intent" value="delete" className="button secondary small danger">
                  {t("photos.delete")}
                </button>
              </Form>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
