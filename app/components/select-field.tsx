import type { ReactNode, SelectHTMLAttributes } from "react";
import type { MessageKey } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { Field } from "./field";

/** A labelled <select> with its error, wired like <Field>; the first option asks to choose. */
export function SelectField({
  name,
  label,
  value,
  error,
  hint,
  placeholder = true,
  children,
  ...select
}: {
  name: string;
  label: string;
  value?: string | null;
  error?: MessageKey | null;
  hint?: string;
  placeholder?: boolean;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "defaultValue">) {
  const t = useT();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...select}
      >
        {placeholder ? <option value="">{t("auth.choose")}</option> : null}
        {children}
      </select>
    </Field>
  );
}

/** A labelled <textarea>, wired like <Field>. */
export function TextAreaField({
  name,
  label,
  value,
  error,
  hint,
  rows = 4,
  maxLength,
}: {
  name: string;
  label: string;
  value?: string | null;
  error?: MessageKey | null;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </Field>
  );
}
