import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { requireProducer } from "~/auth/scope-guards.server";
import { batchProgress } from "~/marketplaces/publish.server";

const STREAM_FOR_MS = 10 * 60_000;
const EVERY_MS = 500;

// A batch's progress: server-sent events ("progress", JSON) while it runs, or JSON once.
// Scoped to the producer; the stream ends when the batch is done or after ten minutes
// (EventSource then reconnects by itself).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const batchId = z.coerce.number().int().positive().safeParse(params.batchId);
  if (!batchId.success) throw data({ reason: "not_found" as const }, { status: 404 });
  const first = batchProgress(producerId, batchId.data);
  if (!first) throw data({ reason: "not_found" as const }, { status: 404 });
  if (!(request.headers.get("Accept") ?? "").includes("text/event-stream")) return first;

  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const started = Date.now();
      let last = "";
      const send = () => {
        if (request.signal.aborted) return clearInterval(timer);
        const progress = batchProgress(producerId, batchId.data);
        const json = JSON.stringify(progress);
        if (json !== last) controller.enqueue(encoder.encode(`event: progress\ndata: ${json}\n\n`));
        else controller.enqueue(encoder.encode(`: keep-alive\n\n`));
        last = json;
        if (!progress || progress.done >= progress.total || Date.now() - started > STREAM_FOR_MS) {
          clearInterval(timer);
          controller.close();
        }
      };
      controller.enqueue(encoder.encode(`retry: 2000\n\n`));
      send();
      timer = setInterval(send, EVERY_MS);
      request.signal.addEventListener("abort", () => clearInterval(timer));
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
