import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (user + system, ms) of each thread of a process, summed by thread name
 * (Linux /proc): says which thread a bench saturates, whatever else shares the machine.
 */
export function threadCpuMs(pid: number): Map<string, number> {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const totals = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    const name = tid === String(pid) ? "main" : stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ms = (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
    totals.set(name, (totals.get(name) ?? 0) + ms);
  }
  return totals;
}
