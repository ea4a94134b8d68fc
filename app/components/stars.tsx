import { useT } from "~/i18n/use-t";

/**
 * A valid OCOP rating as a badge; nothing when the product has none. `awaiting`: no registry entry
 * backs the stars yet, and the badge says so ("chờ đối chiếu") until an official matches or rejects them.
 */
export function Stars({ stars, compact = false, awaiting = false }: { stars: number | null; compact?: boolean; awaiting?: boolean }) {
  const t = useT();
  if (!stars) return null;
  return (
    <span className={awaiting ? "stars awaiting" : "stars"}>
      <span className="glyphs" aria-hidden="true">
        {compact ? "★" : "★".repeat(stars)}
      </span>
      <span>{t("stars.label", { stars })}</span>
      {awaiting ? <span className="awaiting-note">· {t("stars.awaiting")}</span> : null}
    </span>
  );
}
