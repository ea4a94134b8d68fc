import { statement } from "~/db.server";

/** Liveness and database check for process managers and the test runner. */
export async function loader() {
  statement("SELECT 1").get();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
