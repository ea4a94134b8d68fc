import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { addAddress, addressBook, deleteAddress, makeDefaultAddress, MAX_ADDRESSES, updateAddress } from "~/checkout/address-book.server";
import { ADDRESS_FIELDS, readAddress } from "~/checkout/address-form.server";
import { AddressBookEditor } from "~/components/address-book-editor";
import { invalid, submitted, type FieldErrors } from "~/form-errors";
import { currentProvinces } from "~/places/provinces.server";
import { requireCsrf } from "~/auth/csrf.server";
import { readForm } from "~/http/read-form.server";
import { requireUser } from "~/auth/guards.server";
import { destroyAllSessions, sessionCount } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf-input";
import { useOrderT } from "~/i18n/use-order-t";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "account")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user, sessions: sessionCount(user.id), book: addressBook(user.id), provinces: currentProvinces(), max: MAX_ADDRESSES };
}

const BOOK_INTENTS = ["address-add", "address-save", "address-default", "address-delete"] as const;

/**
 * The address book's changes (each answers with the page again), or, with no intent, "log out
 * everywhere": every session of the account ends, on every device, this one included.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const intent = form.get("intent");
  if (intent === null) throw redirect("/dang-nhap", { headers: { "Set-Cookie": await destroyAllSessions(user.id) } });
  if (!BOOK_INTENTS.includes(intent as (typeof BOOK_INTENTS)[number])) throw data({ reason: "bad_request" as const }, { status: 400 });
  const id = /^\d{1,12}$/.test(String(form.get("id") ?? "")) ? Number(form.get("id")) : null;
  const which = intent === "address-add" ? "add" : String(id ?? "");
  const values = submitted(form, ADDRESS_FIELDS, 300);
  const refuse = (errors: FieldErrors, status = 400) => invalid(errors, { form: which, values }, status);
  if (intent === "address-default" || intent === "address-delete") {
    const done = id !== null && (intent === "address-default" ? makeDefaultAddress(user.id, id) : deleteAddress(user.id, id));
    if (!done) return refuse({ form: "address.notFound" }, 404);
    throw redirect("/tai-khoan");
  }
  const read = readAddress(form);
  if (!read.ok) return refuse(read.errors);
  const makeDefault = form.get("default") === "1";
  if (intent === "address-add") {
    if (!addAddress(user.id, read.address, makeDefault)) return refuse({ form: "address.full" }, 409);
  } else if (id === null || !updateAddress(user.id, id, read.address, false)) {
    return refuse({ form: "address.notFound" }, 404);
  }
  throw redirect("/tai-khoan");
}

export default function Account() {
  const { user, sessions, book, provinces, max } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useOrderT();
  const role =
    user.role === "official"
      ? t("auth.role.official", { province: user.provinceName ?? "" })
      : user.role === "producer"
        ? t("auth.role.producer", { producer: user.producerName ?? "" })
        : t(`auth.role.${user.role}`);
  return (
    <div className="card narrow">
      <h1>{t("auth.welcome", { name: user.name })}</h1>
      <dl className="facts">
        <dt>{t("auth.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("auth.accountType")}</dt>
        <dd data-testid="role">{role}</dd>
      </dl>
      <p>
        <Link to="/don-hang">{t("account.orders")}</Link>
        {user.role === "admin" ? (
          <>
            {" · "}
            <Link to="/quan-tri/hop-thu">{t("account.outbox")}</Link>
          </>
        ) : null}
      </p>
      {user.producerStatus === "pending" ? (
        <p className="alert info" role="status">
          {t("auth.producerPending")}
        </p>
      ) : null}
      <AddressBookEditor book={book} provinces={provinces} max={max} result={result ?? null} />
      <section className="sessions" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("auth.sessionsTitle")}</h2>
        <p>{t("auth.sessionsCount", { count: sessions })}</p>
        <p className="muted">{t("auth.logoutEverywhereHint")}</p>
        <Form method="post">
          <CsrfInput />
          <button type="submit" className="button secondary">
            {t("auth.logoutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}
