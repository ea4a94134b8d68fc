import { data } from "@remix-run/node";

// Any path no route claims: the root error boundary renders the 404 page.
export async function loader() {
  throw data({ reason: "not_found" as const }, { status: 404 });
}

export default function NotFound() {
  return null;
}
