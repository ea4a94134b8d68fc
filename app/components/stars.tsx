import { useT } from "~/i18n/use-t";

/** A valid OCOP rating as a badge; nothing when the product has none. */
export function Stars({ stars, compact = false }: { stars: number | null; compact?: boolean }) {
  const t = useT();
  if (!stars) return null;
  return (
    <span className="stars">
      <span className="glyphs" aria-hidden="true">
        {compact ? "★" : "★".repeat(stars)}
      </span>
      <span>{t("stars.label", { stars })}</span>
    </span>
  );
}
