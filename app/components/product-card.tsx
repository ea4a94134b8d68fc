import { Link } from "@remix-run/react";
import type { ProductCard as Card } from "~/catalog/products.server";
import { formatVnd } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { Picture } from "./picture";
import { Stars } from "./stars";

export function ProductGrid({ products, label }: { products: Card[]; label?: string }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard product={p} eager={i < 4} />
        </li>
      ))}
    </ul>
  );
}

export function ProductCard({ product, eager }: { product: Card; eager?: boolean }) {
  const t = useT();
  return (
    <article className="product-card">
      <Link to={`/san-pham/${product.slug}`} prefetch="intent">
        {product.image ? (
          <Picture
            image={product.image}
            alt=""
            className="thumb"
            sizes="(min-width: 980px) 280px, (min-width: 640px) 33vw, 50vw"
            eager={eager}
          />
        ) : (
          <div className="thumb" aria-hidden="true" />
        )}
        <div className="body">
          <h3 className="product-name">{product.name}</h3>
          <span className="price">{formatVnd(product.price)}</span>
          <Stars stars={product.stars} compact />
          {product.stock === 0 ? <span className="out-of-stock">{t("product.outOfStock")}</span> : null}
          <span className="meta">
            {product.producerName} · {product.provinceName}
          </span>
        </div>
      </Link>
    </article>
  );
}
