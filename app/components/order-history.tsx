import { formatInstant, formatTime } from "~/i18n/format";
import { renderNote } from "~/i18n/notes";
import { useOrderT } from "~/i18n/use-order-t";
import type { HistoryItem } from "~/orders/history.server";

/**
 * An order's history in sentences, oldest first (app/orders/history.server.ts): what happened and
 * when, then a small details line with the provider's reference (and, for the seller, who did it).
 */
export function OrderHistory({ items, showActor, headingLevel = 2 }: { items: HistoryItem[]; showActor: boolean; headingLevel?: 2 | 3 }) {
  const t = useOrderT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (items.length === 0) return null;
  return (
    <section className="order-history" aria-label={t("history.title")}>
      <Heading>{t("history.title")}</Heading>
      <ol className="history-list" data-testid="order-history">
        {items.map((h, i) => {
          const noteText = renderNote(t, h.note);
          const sentence = [h.key ? t(h.key, h.params) : "", noteText].filter(Boolean).join(" ");
          const details = [h.ref ? t("history.ref", { ref: h.ref }) : "", showActor && h.by ? t("history.by", { name: h.by }) : ""].filter(Boolean);
          return (
            <li key={i} className="history-item">
              <time className="history-when" dateTime={h.at}>
                {formatTime(h.at)} {formatInstant(h.at)}
              </time>
              <p className="history-sentence">{sentence}</p>
              {details.length ? <p className="history-details">{details.join(" · ")}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
