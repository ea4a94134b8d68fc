import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { currentProvinces } from "~/places/provinces.server";
import { ErrorPage } from "~/components/error-page";
import { IndicatorNav, PeriodForm } from "~/components/indicator-nav";
import { formatDay } from "~/i18n/format";
import { useLocale } from "~/i18n/use-t";
import { useAllT } from "~/i18n/use-all-t";
import { requireIndicatorScope } from "~/indicators/access.server";
import { NATIONAL_SLUG } from "~/indicators/scope";
import { PERIOD_ERRORS, periodError, periodFromUrl } from "~/indicators/period-param.server";
import { asOfDay, isComplete, periodChoices, periodLabel } from "~/indicators/periods";
import { vietnamToday } from "~/i18n/format";
import indicatorsCss from "~/styles/indicators.css?url";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: indicatorsCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, "indicators", data?.province?.name ? { text: data.province.name } : "nationwide"),
];

// Every page below checks the scope again in its own loader (loaders run in parallel).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, province, slug } = await requireIndicatorScope(request, params.province);
  const today = vietnamToday();
  const { period, problem } = periodFromUrl(new URL(request.url), today);
  // A ?ky= that is no period at all is the asker's mistake: 400, with why. An inverted range or a
  // future period is shown as a message above the last complete month (the range form keeps the dates).
  if (problem?.kind === "invalid") throw data({ reason: "bad_period" as const, message: PERIOD_ERRORS[periodError(problem)] }, { status: 400 });
  return {
    province,
    base: `/chi-so/${slug}`,
    period,
    problem,
    complete: isComplete(period, today),
    asOf: asOfDay(period, today),
    choices: periodChoices(today),
    running: periodChoices(today).filter((p) => !isComplete(p, today)).map((p) => p.key),
    others: user.role === "official" ? [] : currentProvinces(),
    canEditTargets: user.role === "admin" && province !== null,
  };
}

export default function IndicatorLayout() {
  const { province, base, period, problem, complete, asOf, choices, running, others, canEditTargets } = useLoaderData<typeof loader>();
  const t = useAllT();
  const locale = useLocale();
  return (
    <>
      <div className="ind-head">
        <h1>
          {t("ind.title")} · {province?.name ?? t("ind.national")}
        </h1>
        {others.length > 0 ? (
          <details className="no-print">
            <summary>{t("ind.col.province")}</summary>
            <ul>
              <li>
                <Link to={`/chi-so/${NATIONAL_SLUG}`}>{t("ind.national")}</Link>
              </li>
              {others.map((p) => (
                <li key={p.slug}>
                  <Link to={`/chi-so/${p.slug}`}>{locale === "en" ? p.nameEn : p.name}</Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <IndicatorNav base={base} />
      <PeriodForm current={period} choices={choices} running={running} problem={problem} />
      {problem ? (
        <p className="alert error" role="alert" data-testid="period-problem">
          {problem.kind === "inverted"
            ? t("ind.period.inverted", { from: formatDay(problem.from), to: formatDay(problem.to), month: periodLabel(period) })
            : t("ind.period.future", { month: periodLabel(period) })}
        </p>
      ) : null}
      <p className="muted as-of">
        {complete ? null : (
          <strong className="badge running" data-testid="period-running">
            {t(period.kind === "month" ? "ind.period.runningMonth" : "ind.period.running")}
          </strong>
        )}{" "}
        {t("ind.asOf", { day: formatDay(asOf) })}
        {canEditTargets && province ? (
          <>
            {" · "}
            <Link className="no-print" to={`/quan-tri/chi-tieu?tinh=${province.slug}&nam=${asOf.slice(0, 4)}`}>
              {t("ind.targets.edit")}
            </Link>
          </>
        ) : null}
      </p>
      <Outlet />
    </>
  );
}

// A 404 or 403 on an indicator page (or for the scope itself) keeps the indicator menu.
export function ErrorBoundary() {
  const { province } = useParams();
  const error = useRouteError();
  const locale = useLocale();
  const t = useAllT();
  const bad = isRouteErrorResponse(error) && error.status === 400 ? (error.data as { message?: { vi: string; en: string } } | null)?.message : undefined;
  return (
    <>
      <IndicatorNav base={`/chi-so/${province ?? ""}`} />
      {bad ? (
        <div className="card narrow" role="alert">
          <h1>{t("error.badRequest")}</h1>
          <p>{locale === "en" ? bad.en : bad.vi}</p>
          <p className="muted">HTTP 400</p>
          <a className="button" href={`/chi-so/${province ?? ""}`}>
            {t("ind.title")}
          </a>
        </div>
      ) : (
        <ErrorPage />
      )}
    </>
  );
}
