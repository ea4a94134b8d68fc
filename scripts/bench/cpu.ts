// CPU time of a server process (user + system, all its threads: zlib's and libuv's pool included), from
// /proc/<pid>/stat. On a machine whose cores are shared with other work, wall-clock throughput swings
// several-fold from one minute to the next; the CPU a request costs the server moves far less, so pages
// are compared with the bare baseline this way too.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/** The process's CPU time so far in milliseconds, or null where /proc is not there. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command's closing parenthesis (the name may hold spaces): utime is field 14, stime 15 (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return null;
  }
}
