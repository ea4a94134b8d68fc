import type { ProductStatus } from "#db/vocabulary";
import { useAllT } from "~/i18n/use-all-t";
import type { GoLiveNeed } from "~/seller/go-live";

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

/** What a draft lacks to go on sale, in one line: "Nháp · còn thiếu: ảnh, giá bán, tồn kho". */
export function MissingToGoLive({ missing }: { missing: readonly GoLiveNeed[] }) {
  const t = useAllT();
  if (missing.length === 0) return null;
  return (
    <span className="missing-to-go-live">
      {t("seller.goLive.missing", { list: missing.map((m) => t(`seller.goLive.need.${m}`)).join(", ") })}
    </span>
  );
}
