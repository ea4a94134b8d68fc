import { Link } from "@remix-run/react";
import type { ImportRecord } from "~/imports/imports.server";
import { formatDateTime } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";

export function ImportHistory({ imports, base }: { imports: Omit<ImportRecord, "report">[]; base: string }) {
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
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
