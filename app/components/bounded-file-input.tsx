import { useState, type InputHTMLAttributes } from "react";

/**
 * A file input that, once JavaScript runs, refuses a file over `maxBytes` as soon as it is chosen: the
 * message shows next to the field and the form will not submit. Without the check the server's body
 * limit answers 413 to a form posted by Remix (which expects its own data format, not a page), and the
 * producer would see a generic error instead of the reason. Without JavaScript the 413 page says it.
 */
export function BoundedFileInput({ maxBytes, message, id, ...props }: InputHTMLAttributes<HTMLInputElement> & { id: string; maxBytes: number; message: string }) {
  const [tooBig, setTooBig] = useState(false);
  return (
    <>
      <input
        {...props}
        id={id}
        type="file"
        aria-invalid={tooBig || undefined}
        aria-describedby={tooBig ? `${id}-error` : undefined}
        onChange={(e) => {
          const input = e.currentTarget;
          const over = Array.from(input.files ?? []).some((f) => f.size > maxBytes);
          input.setCustomValidity(over ? message : "");
          setTooBig(over);
        }}
      />
      {tooBig ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </>
  );
}
