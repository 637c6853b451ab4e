import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of the benchmark itself, the product and the PostgreSQL server, read
 * from /proc (Linux; 0 elsewhere): shows who used the machine's two cores during a run.
 */
export function cpuMs(pids: { bench: number; product: number; database: number[] }): { bench: number; product: number; database: number } {
  const own = process.cpuUsage();
  return {
    bench: Math.round((own.user + own.system) / 1000),
    product: processCpuMs(pids.product),
    database: pids.database.reduce((sum, pid) => sum + processCpuMs(pid), 0),
  };
}

function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return 0;
  }
}

/** The PostgreSQL server listening on `port` and its backends (taken before the run: backends live as long as the pool's connections). */
export function postgresPids(port: number): number[] {
  const postgres: Array<{ pid: number; ppid: number; args: string }> = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      postgres.push({ pid: Number(entry), ppid, args: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // gone meanwhile
    }
  }
  const server = postgres.find((p) => p.args.includes(`-p ${port} `));
  return server ? [server.pid, ...postgres.filter((p) => p.ppid === server.pid).map((p) => p.pid)] : [];
}
