import { Link, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useAllT } from "~/i18n/use-all-t";

export type Progress = { batchId: number; total: number; done: number; live: number; inReview: number; rejected: number; failed: number; pending: number };

/**
 * The live progress bar of a publish: server-sent events from the progress route update it as
 * listings leave "pending", and the page's data is refreshed as it goes. Without JavaScript the
 * page refreshes itself every few seconds while the batch runs.
 */
export function PublishProgress({ initial }: { initial: Progress }) {
  const t = useAllT();
  const [progress, setProgress] = useState(initial);
  const { revalidate } = useRevalidator();
  useEffect(() => setProgress(initial), [initial]);
  const finished = initial.done >= initial.total;
  useEffect(() => {
    if (finished || typeof EventSource === "undefined") return;
    const source = new EventSource(`/kenh-nguoi-ban/san-tmdt/tien-do/${initial.batchId}`);
    let refreshed = 0;
    source.addEventListener("progress", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Progress;
      setProgress(next);
      const complete = next.done >= next.total;
      if (complete || Date.now() - refreshed > 1500) {
        refreshed = Date.now();
        revalidate();
      }
      if (complete) source.close();
    });
    return () => source.close();
  }, [initial.batchId, finished, revalidate]);
  const running = progress.done < progress.total;
  return (
    <section className="publish-progress card" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("connector.progress.label")}</h2>
      <progress max={progress.total} value={progress.done} aria-labelledby="progress-title" />
      <p role="status" aria-live="polite">
        {running ? t("connector.progress.running") : t("connector.progress.done")}{" "}
        {t("connector.progress.text", {
          done: progress.done,
          total: progress.total,
          live: progress.live,
          review: progress.inReview,
          rejected: progress.rejected,
          failed: progress.failed,
        })}
      </p>
      {running ? (
        <>
          <noscript>
            <meta httpEquiv="refresh" content="3" />
          </noscript>
          <Link to="/kenh-nguoi-ban/san-tmdt" reloadDocument>
            {t("connector.progress.refresh")}
          </Link>
        </>
      ) : null}
    </section>
  );
}
