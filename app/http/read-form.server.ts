// An action's form, or a 400: a body that is not a form (JSON, a broken multipart body, bytes cut
// short) is the client's mistake, never a 500.
import { data } from "@remix-run/node";

export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ reason: "bad_request" as const }, { status: 400 });
  }
}
