// The account page's address book: each address with "Sửa" (its fields, folded), "Đặt làm mặc định" and
// "Xóa", then "Thêm địa chỉ". Plain forms: the same without JavaScript.
import { Form } from "@remix-run/react";
import type { SavedAddress } from "~/checkout/address-book.server";
import type { MessageKey } from "~/i18n/messages";
import { useAnyT, useLocale } from "~/i18n/use-t";
import { useOrderT } from "~/i18n/use-order-t";
import { AddressFields, type ProvinceChoice } from "./address-fields";
import { CsrfInput } from "./csrf-input";

/** A saved address as the page shows it (the book's row without its province id). */
export type BookEntry = Omit<SavedAddress, "provinceId">;

/** What the action sends back: which form ("add" or an address id), what was typed and why it was refused. */
export type BookResult = {
  form: string;
  values: Record<string, string>;
  errors: Partial<Record<string, MessageKey>>;
} | null;

export function AddressBookEditor({ book, provinces, max, result }: { book: BookEntry[]; provinces: ProvinceChoice[]; max: number; result: BookResult }) {
  const t = useOrderT();
  const tAny = useAnyT();
  const locale = useLocale();
  const echo = (form: string) => (result?.form === form ? result : null);
  const added = echo("add");
  return (
    <section className="address-book" aria-labelledby="address-book-title">
      <h2 id="address-book-title">{t("address.book")}</h2>
      <p className="muted">{t("address.hint", { max })}</p>
      {result?.errors.form ? (
        <p className="alert error" role="alert">
          {tAny(result.errors.form, { max })}
        </p>
      ) : null}
      {book.length === 0 ? <p>{t("address.none")}</p> : null}
      <ul className="address-list">
        {book.map((a) => {
          const mine = echo(String(a.id));
          const line = `${a.street}, ${a.commune}, ${locale === "en" ? a.provinceNameEn : a.provinceName}`;
          return (
            <li key={a.id} className="address-item" data-testid="saved-address">
              <p>
                <strong>
                  {a.name} · {a.phone}
                </strong>
                {a.isDefault ? <span className="badge">{t("address.default")}</span> : null}
                <br />
                <span>{line}</span>
              </p>
              <div className="actions-row">
                {a.isDefault ? null : (
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" name="intent" value="address-default" className="button secondary small">
                      {t("address.makeDefault")}
                    </button>
                  </Form>
                )}
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="id" value={a.id} />
                  <button type="submit" name="intent" value="address-delete" className="link-button" aria-label={t("address.deleteOne", { address: line })}>
                    {t("address.delete")}
                  </button>
                </Form>
              </div>
              <details open={mine ? true : undefined}>
                <summary aria-label={t("address.editOne", { address: line })}>{t("address.edit")}</summary>
                <Form method="post" noValidate className="address-form">
                  <CsrfInput />
                  <input type="hidden" name="id" value={a.id} />
                  <AddressFields prefix={`address-${a.id}`} provinces={provinces} values={mine?.values ?? a} errors={mine?.errors ?? {}} />
                  <button type="submit" name="intent" value="address-save" className="button">
                    {t("address.save")}
                  </button>
                </Form>
              </details>
            </li>
          );
        })}
      </ul>
      {book.length < max ? (
        <details className="address-add" open={added || book.length === 0 ? true : undefined}>
          <summary>{t("address.newTitle")}</summary>
          <Form method="post" noValidate className="address-form">
            <CsrfInput />
            <AddressFields prefix="address-new" provinces={provinces} values={added?.values ?? {}} errors={added?.errors ?? {}} />
            <label className="check">
              <input type="checkbox" name="default" value="1" defaultChecked={book.length === 0} /> {t("address.asDefault")}
            </label>
            <button type="submit" name="intent" value="address-add" className="button">
              {t("address.add")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
