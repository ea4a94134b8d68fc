// CPU time of a process (user + system, all its threads: zlib's and libuv's pool included), from
// /proc/<pid>/stat. On a shared machine a request's CPU cost holds where wall-clock figures swing.
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's figures (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The process's CPU time so far in milliseconds, or null where /proc is not there. */
export function cpuMs(pid: number): number | null {
  try {
    // After the command's closing parenthesis: state is field 3, utime 14 and stime 15 (proc(5)).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
  } catch {
    return null;
  }
}
