import type { IndicatorCard as Card } from "~/indicators/overview.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";

/** One indicator: value, numerator/denominator, progress to target, gap, projection, definition. */
export function IndicatorCard({ card, extra }: { card: Card; extra?: string }) {
  const t = useAllT();
  const target = card.target ? card.target.bp / 10_000 : null;
  const moneyLike = card.id === "cashless_rate_value";
  return (
    <section className="ind-card" aria-labelledby={`card-${card.id}`} data-indicator={card.id}>
      <h3 id={`card-${card.id}`}>{t(`ind.${card.id}`)}</h3>
      <span className="big" data-testid={`value-${card.id}`}>
        {card.value.value === null ? t("ind.noData") : formatPercent(card.value.value)}
      </span>
      <span className="of">
        {moneyLike
          ? `${formatNumber(card.value.num)} ₫ / ${formatNumber(card.value.den)} ₫`
          : t("ind.ofTotal", { num: formatNumber(card.value.num), den: formatNumber(card.value.den) })}
      </span>
      {target !== null && card.target ? (
        <>
          <div className="progress" aria-hidden="true">
            <span style={{ width: `${Math.min(100, (card.value.value ?? 0) * 100)}%` }} />
            <i style={{ left: `${target * 100}%` }} />
          </div>
          <span>
            {t(card.target.isDefault ? "ind.targetDefault" : "ind.target", { year: card.targetYear, value: formatPercent(target) })}
          </span>
          {card.gap !== null ? (
            <span className={card.gap >= 0 ? "gap-ahead" : "gap-behind"}>
              {t(card.gap >= 0 ? "ind.gap.ahead" : "ind.gap.behind", {
                points: formatNumber(Math.round(Math.abs(card.gap) * 10) / 10),
              })}
            </span>
          ) : null}
        </>
      ) : (
        <span className="muted">{t("ind.noTarget")}</span>
      )}
      {card.projected !== null ? (
        <span>
          {t("ind.projection", { value: formatPercent(card.projected), year: card.targetYear })}
          {target !== null ? ` (${t(card.projected >= target ? "ind.onTrack" : "ind.offTrack")})` : ""}
        </span>
      ) : null}
      {extra ? <span className="muted">{extra}</span> : null}
      <details>
        <summary>{t("ind.definition")}</summary>
        <p>{t(`ind.${card.id}.def`)}</p>
      </details>
    </section>
  );
}
