import { useEffect, useState } from "react";
import { useAllT } from "~/i18n/use-all-t";

/** A read-only text to copy; the copy button appears once JavaScript runs (without it, select the text). */
export function CopyField({ value, label }: { value: string; label: string }) {
  const t = useAllT();
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="copy-field">
      <input type="text" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
      {hydrated ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}
        >
          {copied ? t("members.copied") : t("members.copy")}
        </button>
      ) : null}
    </div>
  );
}
