import type { ProductStatus } from "#db/vocabulary";
import { useAllT } from "~/i18n/use-all-t";

/** A product's status as its producer reads it: on sale and public, on sale but waiting for verification, draft, archived. */
export function StatusBadge({ status, visible }: { status: ProductStatus; visible: boolean }) {
  const t = useAllT();
  return (
    <span className={`badge ${visible ? "ok" : status === "archived" ? "muted-badge" : "waiting"}`}>
      {t(`workspace.products.${status}`)}
      {status === "active" && !visible ? ` · ${t("seller.notPublicYet")}` : ""}
    </span>
  );
}
