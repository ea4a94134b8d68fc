import type { InputHTMLAttributes, ReactNode } from "react";
import type { MessageKey } from "~/i18n/messages";
import { useAnyT, useT } from "~/i18n/use-t";

/** A labelled input with its hint and its error, wired for screen readers. */
export function Field({
  name,
  label,
  error,
  hint,
  children,
  ...input
}: {
  name: string;
  label: string;
  error?: MessageKey | null;
  hint?: string;
  children?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  const t = useT();
  const tAny = useAnyT(); // keys that come with the data
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ?? (
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
      )}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {tAny(error)}
        </p>
      ) : null}
    </div>
  );
}
