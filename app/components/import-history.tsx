import { Link } from "@remix-run/react";
import type { ImportRecord } from "~/imports/imports.server";
import { formatDateTime, formatDay, formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";

/** A registry import as a version: its effective date and what it added or changed. */
type Version = { effectiveFrom: string; added: number; changed: number; unchanged: number };

export function ImportHistory({ imports, base, versions }: { imports: Omit<ImportRecord, "report">[]; base: string; versions?: Record<number, Version> }) {
  const t = useAllT();
  if (imports.length === 0) return null;
  return (
    <section className="section" aria-labelledby="history-imports">
      <h2 id="history-imports">{t("import.recent")}</h2>
      <ul className="plain-list">
        {imports.map((i) => (
          <li key={i.id} className="row-item">
            <span>
              <Link to={`${base}/${i.id}`}>{i.filename}</Link>
              <span className="muted block">
                {formatDateTime(i.createdAt)} · {t(`import.status.${i.status}`)}
                {i.status === "imported" && i.mode ? ` · ${t(`import.mode.${i.mode}`)}` : ""}
              </span>
              {versions?.[i.id] ? (
                <span className="block">
                  {t("registry.version", {
                    from: formatDay(versions[i.id]!.effectiveFrom),
                    added: formatNumber(versions[i.id]!.added),
                    changed: formatNumber(versions[i.id]!.changed),
                    unchanged: formatNumber(versions[i.id]!.unchanged),
                  })}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
