import { useEffect, useRef, useState, type ReactNode } from "react";
import { useAllT } from "~/i18n/use-all-t";

/**
 * Wraps the plain upload form: once JavaScript runs, photos dropped on it (or chosen) are put
 * into its file input and the form is submitted. Without JavaScript it is the plain form.
 */
export function PhotoDropZone({ inputId, children }: { inputId: string; children: ReactNode }) {
  const t = useAllT();
  const zone = useRef<HTMLDivElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [over, setOver] = useState(false);
  useEffect(() => setHydrated(true), []);
  const drop = (e: React.DragEvent) => {
    e.preventDefault();
    setOver(false);
    const input = zone.current?.querySelector<HTMLInputElement>(`#${inputId}`);
    if (!input || e.dataTransfer.files.length === 0) return;
    input.files = e.dataTransfer.files;
    input.form?.requestSubmit();
  };
  return (
    <div
      ref={zone}
      className={`drop-zone${over ? " over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      {hydrated ? <p className="drop-hint">{t("photos.dropHint")}</p> : null}
      {children}
    </div>
  );
}
