import type { ReadinessCode } from "~/catalog/readiness";
import { formatNumber, formatVnd } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";
import type { ListingErrorCode } from "~/marketplaces/listing-errors";
import type { ListingStatus } from "#db/vocabulary";

export type CellData = {
  status: ListingStatus;
  errorCode: ListingErrorCode | null;
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
  const problem = cell?.errorCode ? t(`connector.error.${cell.errorCode}` as MessageKey) : null;
  const behind = cell?.status === "live" && cell.syncedPrice !== null && (cell.syncedPrice !== price || cell.syncedStock !== stock);
  const startable = !cell || cell.status === "delisted" || cell.status === "error" || cell.status === "rejected";
  return (
    <li className={`listing-cell status-${status}`}>
      <span className="listing-market">{marketplace}</span> <span className={`listing-status status-${status}`}>{t(`connector.status.${status}`)}</span>
      {problem ? <p className="listing-problem">{problem}</p> : null}
      {cell?.errorDetail && (cell.status === "rejected" || cell.status === "error" || cell.errorCode) ? (
        <p className="listing-detail">{t("connector.cell.marketplaceSays", { detail: cell.errorDetail })}</p>
      ) : null}
      {startable && blocker ? (
        <p className="listing-problem">
          {t("connector.cell.notReady")}: {t(`connector.error.${blocker}` as MessageKey)}
        </p>
      ) : null}
      {cell?.syncing && cell.status === "live" ? (
        connected ? <p className="listing-detail">{t("connector.cell.syncing")}</p> : <p className="listing-problem">{t("connector.error.auth_expired")}</p>
      ) : null}
      {behind && !cell?.syncing ? (
        <p className="listing-detail">{t("connector.cell.behind", { price: formatVnd(cell!.syncedPrice!), stock: formatNumber(cell!.syncedStock ?? 0) })}</p>
      ) : null}
    </li>
  );
}
