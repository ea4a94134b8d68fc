// Remix's default Node entry, plus a handleError that keeps the log for real errors: a 4xx thrown
// on purpose (403 from a guard, 404 for an unknown slug) is an answer, not an error; and a
// Content-Security-Policy with a nonce made for each document, which its scripts carry (NonceContext).
import type { Writable } from "node:stream";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/components/nonce";
import { env } from "~/env.server";
import { contentSecurityPolicy, newNonce } from "~/http/content-security.server";
import { encodedDocument } from "~/http/document-encoding.server";

const ABORT_DELAY = 5_000;

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Every document is rendered to the end, then sent as one body. No page streams (none has deferred
  // data), and one body costs the server far less than React's chunks passed through a Node stream, a
  // web stream and the response (README, "Benchmarks"). A page that defers data would need
  // renderToPipeableStream's onShellReady and the streamed body back.
  const nonce = newNonce();
  // Vite's dev server injects scripts of its own and talks over a WebSocket: the policy is production's.
  if (env().NODE_ENV !== "development") responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          // Rendered to the end: nothing left to abort (the timer would keep the render alive for the GC).
          clearTimeout(timer);
          // React writes each 2 kB view once and never reuses it; all it needs of a destination is write,
          // end, destroy and on (a Node Writable cost a stream's machinery and an error object per document).
          const chunks: Uint8Array[] = [];
          const body = {
            write: (chunk: Uint8Array) => chunks.push(chunk) > 0,
            end() {
              responseHeaders.set("Content-Type", "text/html");
              const html = encodedDocument(request, Buffer.concat(chunks), responseHeaders);
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
            },
            destroy: (error: unknown) => reject(error),
            on: () => body,
          };
          pipe(body as unknown as Writable);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error); // before, it is the shell's: Remix reports it
        },
      },
    );
  });
}
