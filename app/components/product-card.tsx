import { Link } from "@remix-run/react";
import type { ProductCard as Card } from "~/catalog/products.server";
import { formatVnd } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { Picture } from "./picture";
import { Stars } from "./stars";

/** `heading`: the cards' heading level, one below the section's (h2 right under the page's h1). */
export function ProductGrid({ products, label, heading = "h3" }: { products: Card[]; label?: string; heading?: "h2" | "h3" }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard product={p} eager={i < 4} heading={heading} />
        </li>
      ))}
    </ul>
  );
}

export function ProductCard({ product, eager, heading: Heading = "h3" }: { product: Card; eager?: boolean; heading?: "h2" | "h3" }) {
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
          <Heading className="product-name">{product.name}</Heading>
          <span className="price">{formatVnd(product.price)}</span>
          <Stars stars={product.stars} awaiting={product.starsAwaiting} compact />
          {product.stock === 0 ? <span className="out-of-stock">{t("product.outOfStock")}</span> : null}
          <span className="meta">
            {product.producerName} · {product.provinceName}
          </span>
        </div>
      </Link>
    </article>
  );
}
