import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireProducer } from "~/auth/scope-guards.server";
import { productReadiness, readinessInput } from "~/seller/product-readiness.server";
import { MARKETPLACE_RULES, type ReadinessCode } from "~/catalog/readiness";
import { idParam, notFound } from "~/http/route-params.server";
import { useAllT } from "~/i18n/use-all-t";
import { MARKETPLACES } from "#db/reference/marketplaces";
import type { MarketplaceCode } from "#db/vocabulary";

/** Where in the seller centre each problem is fixed. */
const FIX: Record<ReadinessCode, "" | "/anh" | "/chung-nhan"> = {
  photo_missing: "/anh",
  photo_too_small: "/anh",
  weight_missing: "",
  description_short: "",
  name_length: "",
  category_missing: "",
  price_missing: "",
  out_of_stock: "",
  certificate_missing: "/chung-nhan",
  certificate_expired: "/chung-nhan",
};

function problemParams(code: ReadinessCode, rules: (typeof MARKETPLACE_RULES)[MarketplaceCode]): Record<string, number> | undefined {
  if (code === "photo_too_small") return { min: rules.minPhotoSide };
  if (code === "description_short") return { min: rules.minDescription };
  if (code === "name_length") return { min: rules.nameLength[0], max: rules.nameLength[1] };
  return undefined;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const id = idParam(params.id);
  const input = readinessInput(producerId, id);
  if (!input) throw notFound();
  return { id, checklist: productReadiness(input) };
}

export default function ProductReadiness() {
  const { id, checklist } = useLoaderData<typeof loader>();
  const t = useAllT();
  return (
    <>
      <p className="muted">{t("seller.readinessIntro")}</p>
      <ul className="readiness-list">
        {checklist.map((m) => {
          const rules = MARKETPLACE_RULES[m.marketplace];
          return (
            <li key={m.marketplace} className={`card readiness ${m.ready ? "ready" : "blocked"}`}>
              <h2>
                {MARKETPLACES[m.marketplace].name}{" "}
                <span className={`badge ${m.ready ? "ok" : "expired"}`}>{m.ready ? t("seller.ready") : t("seller.notReady")}</span>
              </h2>
              {m.problems.length === 0 ? (
                <p>{t("readiness.ready", { marketplace: MARKETPLACES[m.marketplace].name })}</p>
              ) : (
                <ul>
                  {m.problems.map((p) => (
                    <li key={p.code} className={p.severity}>
                      <span className="visually-hidden">{p.severity === "blocker" ? t("seller.blocker") : t("seller.warning")}: </span>
                      {t(`readiness.${p.code}`, problemParams(p.code, rules))}{" "}
                      <Link to={`/kenh-nguoi-ban/san-pham/${id}${FIX[p.code]}`}>{t("seller.fix")}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
