// Preloaded into a benchmark's server (node --import): records the event loop's delay
// (perf_hooks.monitorEventLoopDelay, 1 ms resolution), so a benchmark can tell how long the server's own
// loop was held while it did something. SIGUSR2 writes { maxMs, p99Ms, meanMs } to LOOP_DELAY_FILE and
// starts a new measure. Benchmarks only: the app never loads it.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.LOOP_DELAY_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  process.on("SIGUSR2", () => {
    const ms = (ns) => Math.round(ns / 1e5) / 10;
    writeFileSync(file, JSON.stringify({ maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean) }));
    histogram.reset();
  });
}
