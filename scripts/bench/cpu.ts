// CPU time per request of a server process: its user + system time (/proc/<pid>/stat, all its
// threads) around a fixed number of requests, after a warm-up. On a machine whose cores are shared
// with other work, wall-clock throughput swings several-fold from one minute to the next; the CPU a
// request costs the server moves far less, so pages are compared with the bare baseline this way too.
import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const AMOUNT = Number(process.env.BENCH_CPU_REQUESTS ?? 2500);
const WARM_UP = Number(process.env.BENCH_CPU_WARM_UP ?? 2000);
const CONNECTIONS = 10;

let ticksPerSecond: number | undefined;

/** utime + stime of the process, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // the name may hold spaces; fields from "state" (3rd) on
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime (14th), stime (15th)
}

export const canMeasureCpu = () => existsSync("/proc/self/stat");

/** Milliseconds of the server's CPU per request of `url` (2,500 requests at 10 connections after 2,000 of warm-up: the first thousands include the JIT's compiling). */
export async function cpuPerRequest(pid: number, url: string, headers: Record<string, string> = {}): Promise<{ ms: number; errors: number }> {
  await autocannon({ url, connections: CONNECTIONS, amount: WARM_UP, headers });
  const before = cpuSeconds(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, amount: AMOUNT, headers });
  const ms = ((cpuSeconds(pid) - before) * 1000) / AMOUNT;
  return { ms, errors: result.errors + result.timeouts + result.non2xx };
}
