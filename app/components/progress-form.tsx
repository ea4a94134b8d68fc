import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import type { ImportProgress } from "~/imports/progress.server";
import { formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";

/**
 * A plain POST form that, once JavaScript runs, sends a random token with the submission and
 * polls `progressUrl?token=…` while the server works, showing how far it has come. Without
 * JavaScript it is the same form, minus the progress bar.
 */
export function ProgressForm({
  progressUrl,
  encType,
  className,
  children,
}: {
  progressUrl: string;
  encType?: "multipart/form-data";
  className?: string;
  children: ReactNode;
}) {
  const t = useAllT();
  const navigation = useNavigation();
  const [token, setToken] = useState("");
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const submitting = navigation.state === "submitting" && navigation.formData?.get("progress") === token && token !== "";

  useEffect(() => setToken(Math.random().toString(36).slice(2, 12).padEnd(10, "0")), []);
  useEffect(() => {
    if (!submitting) {
      setProgress(null);
      return;
    }
    let stop = false;
    const poll = async () => {
      while (!stop) {
        const res = await fetch(`${progressUrl}?token=${token}`, { headers: { Accept: "application/json" } }).catch(() => null);
        if (res?.ok) setProgress((await res.json()) as ImportProgress | null);
        await new Promise((r) => setTimeout(r, 400));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [submitting, progressUrl, token]);

  return (
    <Form method="post" encType={encType}>
      <input type="hidden" name="progress" value={token} />
      {/* No second submission while the server works on the first. */}
      <fieldset disabled={submitting} className={className}>
        {children}
      </fieldset>
      {submitting ? (
        <div className="import-progress" role="status" aria-live="polite">
          <progress max={progress?.total || undefined} value={progress?.total ? progress.done : undefined} />
          <span>
            {progress?.phase === "checking"
              ? t("import.progress.checking", { done: formatNumber(progress.done), total: formatNumber(progress.total) })
              : progress?.phase === "writing"
                ? t("import.progress.writing", { total: formatNumber(progress.total) })
                : t("import.progress.reading")}
          </span>
        </div>
      ) : null}
    </Form>
  );
}
