// schema.org data for search engines: a product page's Product with its Offer (price in VND,
// availability), so results can show price and stock. Serialised for a <script type="application/ld+json">:
// "<" is escaped so no text in a product's description can close the script element.
import { largestWidth, variantUrl } from "~/photos/media";
import type { ProductDetail } from "./product-detail.server";

export function productJsonLd(product: ProductDetail, origin: string): string {
  const url = `${origin}/san-pham/${product.slug}`;
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description || product.name,
    url,
    image: product.images.map((img) => origin + variantUrl(img.storageKey, largestWidth(img))),
    category: product.categoryName ?? undefined,
    brand: { "@type": "Brand", name: product.producer.name },
    ...(product.weightGrams ? { weight: { "@type": "QuantitativeValue", value: product.weightGrams, unitCode: "GRM" } } : {}),
    offers: {
      "@type": "Offer",
      url,
      price: product.price,
      priceCurrency: "VND",
      availability: product.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      itemCondition: "https://schema.org/NewCondition",
      seller: { "@type": "Organization", name: product.producer.name, url: `${origin}/nha-san-xuat/${product.producer.slug}` },
    },
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
