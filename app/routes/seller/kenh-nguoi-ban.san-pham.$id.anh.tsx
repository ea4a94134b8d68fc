import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PRODUCT } from "~/photos/photo-limits";
import { deletePhoto, movePhoto, productPhotos, reorderPhotos, setPhotoAlt, uploadPhotos, type UploadOutcome } from "~/seller/photos.server";
import { idParam, notFound } from "~/http/route-params.server";
import { getSellerProduct } from "~/seller/product-queries.server";
import { readUploadForm } from "~/http/upload-form.server";
import { CsrfInput } from "~/components/csrf-input";
import { PhotoDropZone } from "~/components/photo-drop-zone";
import { PhotoList } from "~/components/photo-list";
import { useAllT } from "~/i18n/use-all-t";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const id = idParam(params.id);
  const product = getSellerProduct(producerId, id);
  if (!product) throw notFound();
  return { product: { id, name: product.name }, photos: productPhotos(producerId, id) };
}

const EditSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), photoId: z.coerce.number().int().positive(), to: z.enum(["up", "down", "first"]) }),
  z.object({ intent: z.literal("alt"), photoId: z.coerce.number().int().positive(), alt: z.string().trim().max(200) }),
  z.object({ intent: z.literal("delete"), photoId: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal("reorder"),
    order: z.string().regex(/^\d{1,12}(,\d{1,12}){0,49}$/).transform((s) => s.split(",").map(Number)),
  }),
]);

type ActionResult = { upload: UploadOutcome | null; refused: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  // Who and which product first: nothing of the body is read for a stranger.
  const { producerId } = await requireProducer(request);
  const id = idParam(params.id);
  const product = getSellerProduct(producerId, id);
  if (!product) throw notFound();

  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUploadForm(request, { maxFiles: MAX_PHOTOS_PER_PRODUCT, maxFileBytes: MAX_PHOTO_BYTES });
    if (!upload) throw data({ reason: "bad_request" as const }, { status: 400 });
    await requireCsrf(request, upload.form);
    const outcome = await uploadPhotos(producerId, id, upload.files, product.name);
    if (!outcome) throw notFound();
    const problems = [...upload.refused.map((r) => ({ filename: r.filename, problem: r.reason })), ...outcome.problems];
    const result: ActionResult = { upload: { added: outcome.added, problems }, refused: false };
    return data(result, { status: outcome.added === 0 && problems.length > 0 ? 400 : 200 });
  }

  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = EditSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<ActionResult>({ upload: null, refused: true }, { status: 400 });
  const input = parsed.data;
  const ok =
    input.intent === "move"
      ? movePhoto(producerId, id, input.photoId, input.to)
      : input.intent === "alt"
        ? setPhotoAlt(producerId, id, input.photoId, input.alt)
        : input.intent === "delete"
          ? deletePhoto(producerId, id, input.photoId)
          : reorderPhotos(producerId, id, input.order);
  if (!ok) throw notFound();
  return data<ActionResult>({ upload: null, refused: false });
}

export default function ProductPhotos() {
  const { product, photos } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const upload = result?.upload;
  return (
    <>
      {params.get("moi") ? (
        <p className="alert success" role="status">
          {t("photos.createdNext")}
        </p>
      ) : null}
      {upload && upload.added > 0 ? (
        <p className="alert success" role="status">
          {t("photos.added", { count: upload.added })}
        </p>
      ) : null}
      {upload && upload.problems.length > 0 ? (
        <div className="alert error" role="alert">
          <p>{t("photos.someRefused")}</p>
          <ul>
            {upload.problems.map((p, i) => (
              <li key={i}>
                <strong>{p.filename}</strong>: {t(`photos.problem.${p.problem}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t("photos.add")}</h2>
        <p className="field-hint">{t("photos.rules", { max: MAX_PHOTOS_PER_PRODUCT })}</p>
        <PhotoDropZone inputId="photo-files">
          <Form method="post" encType="multipart/form-data" className="upload-form">
            <CsrfInput />
            <label htmlFor="photo-files">{t("photos.choose")}</label>
            <input id="photo-files" type="file" name="photos" multiple accept="image/jpeg,image/png,image/webp,image/avif,image/heic,.heic" />
            <button type="submit" className="button" disabled={busy}>
              {busy ? t("photos.uploading") : t("photos.upload")}
            </button>
          </Form>
        </PhotoDropZone>
      </section>
      <section className="section" aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t("photos.title", { count: photos.length })}</h2>
        {photos.length === 0 ? (
          <p className="muted">{t("photos.none")}</p>
        ) : (
          <PhotoList key={photos.map((p) => `${p.id}:${p.position}`).join(",")} photos={photos} productName={product.name} />
        )}
        {photos.length > 0 ? (
          <p>
            <Link className="button secondary" to={`/kenh-nguoi-ban/san-pham/${product.id}/chung-nhan`}>
              {t("photos.nextCertificates")}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
