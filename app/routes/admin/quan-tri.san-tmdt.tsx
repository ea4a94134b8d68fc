import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/components/csrf-input";
import { invalid, type FieldErrors } from "~/form-errors";
import { formatInstant } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";
import { mappingRows, marketplaceNames, queueOverview, settingsRows, updateMapping, updateSettings } from "~/marketplaces/admin.server";
import { MappingSchema, MarketplaceCodeSchema, SettingsSchema } from "~/marketplaces/forms";
import { retryDead } from "~/marketplaces/queue.server";
import marketplacesCss from "~/styles/marketplaces.css?url";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "marketplaces", "admin")];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: marketplacesCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const code = MarketplaceCodeSchema.catch("shopee").parse(new URL(request.url).searchParams.get("san"));
  return { code, markets: marketplaceNames(), settings: settingsRows(), mappings: mappingRows(code), queue: queueOverview() };
}

type Result = { form: string; id: number | null; errors: FieldErrors; values?: Record<string, string>; done?: number };

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const fields = Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  switch (fields.intent) {
    case "settings": {
      const parsed = SettingsSchema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error, { form: "settings", id: Number(fields.marketplaceId) || null, values: fields });
      updateSettings(parsed.data.marketplaceId, parsed.data);
      return { form: "settings", id: parsed.data.marketplaceId, errors: {} } satisfies Result;
    }
    case "mapping": {
      const parsed = MappingSchema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error, { form: "mapping", id: Number(fields.id) || null, values: fields });
      updateMapping(parsed.data.id, parsed.data);
      return { form: "mapping", id: parsed.data.id, errors: {} } satisfies Result;
    }
    case "retry": {
      const ids = form.getAll("jobId").map(Number).filter((n) => Number.isInteger(n) && n > 0);
      return { form: "retry", id: null, errors: {}, done: retryDead({ jobIds: ids }) } satisfies Result;
    }
  }
  throw data({ reason: "bad_request" as const }, { status: 400 });
}

export default function AdminMarketplaces() {
  const { code, markets, settings, mappings, queue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useAllT();
  const mine = (form: string, id: number) => (result?.form === form && result.id === id ? result : null);
  const err = (r: Result | null, field: string) => (r?.errors[field] ? t(r.errors[field] as MessageKey) : null);
  return (
    <>
      <h1>{t("connector.admin.title")}</h1>

      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t("connector.admin.queue")}</h2>
        <p>{t("connector.admin.queueStats", queue.stats)}</p>
        {result?.form === "retry" ? <p className="alert info" role="status">{t("connector.admin.retried", { count: result.done ?? 0 })}</p> : null}
        <h3>{t("connector.admin.dead")}</h3>
        {queue.dead.length === 0 ? <p className="muted">{t("connector.admin.noDead")}</p> : null}
        {queue.dead.length > 0 ? (
          <Form method="post">
            <CsrfInput />
            <ul className="dead-jobs">
              {queue.dead.map((j) => (
                <li key={j.id} className="card">
                  <label className="choice">
                    <input type="checkbox" name="jobId" value={j.id} defaultChecked />
                    <span>
                      <strong>{t(`connector.admin.jobKind.${j.kind}` as MessageKey)}</strong> · {j.marketplace} · {j.producer}
                      {j.product ? ` · ${j.product}` : ""} · {j.attempts}× {j.finishedAt ? `· ${formatInstant(j.finishedAt)}` : ""}
                    </span>
                  </label>
                  {j.lastError ? <p className="listing-detail">{j.lastError}</p> : null}
                </li>
              ))}
            </ul>
            <button className="button" type="submit" name="intent" value="retry">
              {t("connector.admin.retry")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("connector.admin.settings")}</h2>
        <p className="muted">{t("connector.admin.settingsIntro")}</p>
        <ul className="price-stock-rows">
          {settings.map((s) => {
            const r = mine("settings", s.marketplaceId);
            const v = (k: "callsPerSecond" | "maxInFlight" | "orderImportMinutes") => r?.values?.[k] ?? String(s[k]);
            return (
              <li key={s.code} className="card price-stock-row">
                <Form method="post" noValidate aria-labelledby={`set-${s.code}`}>
                  <CsrfInput />
                  <input type="hidden" name="marketplaceId" value={s.marketplaceId} />
                  <h3 className="price-stock-name" id={`set-${s.code}`}>
                    {s.name}
                  </h3>
                  <div className="settings-fields">
                    {(["callsPerSecond", "maxInFlight", "orderImportMinutes"] as const).map((k) => (
                      <div className="field" key={k}>
                        <label htmlFor={`${s.code}-${k}`}>{t(k === "callsPerSecond" ? "connector.admin.rate" : k === "maxInFlight" ? "connector.admin.inFlight" : "connector.admin.minutes")}</label>
                        <input id={`${s.code}-${k}`} name={k} inputMode="numeric" defaultValue={v(k)} aria-invalid={err(r, k) ? true : undefined} aria-describedby={err(r, k) ? `${s.code}-${k}-error` : undefined} />
                        {err(r, k) ? <p className="field-error" id={`${s.code}-${k}-error`}>{err(r, k)}</p> : null}
                      </div>
                    ))}
                    <button className="button" type="submit" name="intent" value="settings">
                      {t("connector.admin.save")}
                    </button>
                  </div>
                  {r && !Object.keys(r.errors).length ? <p role="status">{t("connector.admin.saved")}</p> : null}
                </Form>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="mapping-title">
        <h2 id="mapping-title">{t("connector.admin.mapping")}</h2>
        <p className="muted">{t("connector.admin.mappingIntro")}</p>
        <nav className="market-tabs" aria-label={t("connector.admin.mapping")}>
          <ul>
            {markets.map((s) => (
              <li key={s.code}>
                <Link to={`?san=${s.code}`} aria-current={s.code === code ? "page" : undefined}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <ul className="price-stock-rows">
          {mappings.map((m) => {
            const r = mine("mapping", m.id);
            const attrs = r?.values?.attributes ?? Object.entries(m.attributes).map(([k, val]) => `${k}=${val}`).join("\n");
            return (
              <li key={m.id} className="card price-stock-row">
                <Form method="post" noValidate aria-labelledby={`map-${m.id}`}>
                  <CsrfInput />
                  <input type="hidden" name="id" value={m.id} />
                  <h3 className="price-stock-name" id={`map-${m.id}`}>
                    {m.category}
                  </h3>
                  <div className="mapping-fields">
                    <div className="field">
                      <label htmlFor={`m-${m.id}-id`}>{t("connector.admin.externalId")}</label>
                      <input id={`m-${m.id}-id`} name="externalCategoryId" defaultValue={r?.values?.externalCategoryId ?? m.externalCategoryId} aria-invalid={err(r, "externalCategoryId") ? true : undefined} aria-describedby={err(r, "externalCategoryId") ? `m-${m.id}-id-error` : undefined} />
                      {err(r, "externalCategoryId") ? <p className="field-error" id={`m-${m.id}-id-error`}>{err(r, "externalCategoryId")}</p> : null}
                    </div>
                    <div className="field">
                      <label htmlFor={`m-${m.id}-name`}>{t("connector.admin.externalName")}</label>
                      <input id={`m-${m.id}-name`} name="externalCategoryName" defaultValue={r?.values?.externalCategoryName ?? m.externalCategoryName} />
                    </div>
                    <div className="field">
                      <label htmlFor={`m-${m.id}-attrs`}>{t("connector.admin.attributes")}</label>
                      <textarea id={`m-${m.id}-attrs`} name="attributes" rows={2} defaultValue={attrs} aria-invalid={err(r, "attributes") ? true : undefined} aria-describedby={err(r, "attributes") ? `m-${m.id}-attrs-error` : undefined} />
                      {err(r, "attributes") ? <p className="field-error" id={`m-${m.id}-attrs-error`}>{err(r, "attributes")}</p> : null}
                    </div>
                  </div>
                  <button className="button" type="submit" name="intent" value="mapping">
                    {t("connector.admin.save")}
                  </button>
                  {r && !Object.keys(r.errors).length ? <p role="status">{t("connector.admin.saved")}</p> : null}
                </Form>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
