import type { ReadinessCode } from "~/catalog/readiness";
import { formatNumber, formatVnd } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";
import { isListingErrorCode, problemKey } from "~/marketplaces/listing-errors";
import type { ListingStatus } from "#db/vocabulary";

export type CellData = {
  status: ListingStatus;
  errorCode: string | null;
  errorDetail: string | null;
  externalUrl: string | null;
  syncedPrice: number | null;
  syncedStock: number | null;
  syncing: boolean;
};

/** One product on one marketplace: its status, and when something is wrong, what to do. */
export function ListingCell({
  marketplace,
  connected,
  cell,
  blocker,
  price,
  stock,
}: {
  marketplace: string;
  /** The producer's shop there can be called (changes are waiting otherwise). */
  connected: boolean;
  cell: CellData | undefined;
  blocker: ReadinessCode | undefined;
  price: number;
  stock: number;
}) {
  const t = useAllT();
  const status = cell?.status ?? "none";
  const behind = cell?.status === "live" && cell.syncedPrice !== null && (cell.syncedPrice !== price || cell.syncedStock !== stock);
  const startable = !cell || cell.status === "delisted" || cell.status === "error" || cell.status === "rejected";
  // Each problem once: the listing's own, what the product still lacks, a shop whose connection ended.
  const problems = new Set<string>();
  if (cell?.errorCode) problems.add(t(problemKey(cell.errorCode)));
  else if (cell?.status === "rejected") problems.add(t("connector.error.other"));
  if (startable && blocker) problems.add(`${t("connector.cell.notReady")}: ${t(`connector.error.${blocker}` as MessageKey)}`);
  if (cell?.syncing && cell.status === "live" && !connected) problems.add(t("connector.error.auth_expired"));
  // The marketplace's own words, or a code the interface does not know, for support: small, once.
  const raw = [cell?.errorCode && !isListingErrorCode(cell.errorCode) && cell.errorCode !== "legacy" ? cell.errorCode : "", cell?.errorDetail ?? ""].filter(Boolean).join(": ");
  return (
    <li className={`listing-cell status-${status}`}>
      <span className="listing-market">{marketplace}</span> <span className={`listing-status status-${status}`}>{t(`connector.status.${status}`)}</span>
      {[...problems].map((p) => (
        <p key={p} className="listing-problem">
          {p}
        </p>
      ))}
      {raw && (cell?.status === "rejected" || cell?.status === "error" || cell?.errorCode) ? <p className="listing-detail small">{t("connector.cell.details", { detail: raw.slice(0, 300) })}</p> : null}
      {cell?.syncing && cell.status === "live" && connected ? <p className="listing-detail">{t("connector.cell.syncing")}</p> : null}
      {behind && !cell?.syncing ? (
        <p className="listing-detail">{t("connector.cell.behind", { price: formatVnd(cell!.syncedPrice!), stock: formatNumber(cell!.syncedStock ?? 0) })}</p>
      ) : null}
    </li>
  );
}
