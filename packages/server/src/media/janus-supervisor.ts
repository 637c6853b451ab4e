import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { writeJanusConfig, type JanusIceSettings, type JanusLocalConfig } from './janus-config.js';

export interface JanusSupervisorOptions {
  /** The product's data folder; Janus' configuration and log go to `<dataDir>/janus/`. */
  dataDir: string;
  /** The Janus executable. Default `janus` (on PATH). */
  binary?: string;
  /** Port of Janus' WebSocket API on 127.0.0.1; default a free one. */
  port?: number;
  ice?: JanusIceSettings;
  /** The log is rotated (one old file, `janus.log.1`) when it grows past this. Default 10 MB. */
  logMaxBytes?: number;
  /** How often the running Janus' log size is checked. Default 5 min. */
  logCheckMs?: number;
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

export interface JanusSupervisor {
  readonly config: JanusLocalConfig;
  /** `ws://127.0.0.1:<port>`. */
  readonly url: string;
  /** The running process id (null between a crash and the restart). */
  pid(): number | null;
  /** How often Janus was restarted after dying. */
  restarts(): number;
  /** Stops Janus (SIGTERM, then SIGKILL after 3 s) and does not restart it. */
  stop(): Promise<void>;
}

/** Janus is not installed: what to tell the operator. */
export class JanusNotInstalledError extends Error {}

/** True when `binary` runs and says it is Janus (`janus -V` prints the version; its exit code is not reliable). */
export function isJanusInstalled(binary = 'janus'): boolean {
  const result = spawnSync(binary, ['-V'], { encoding: 'utf8', timeout: 10_000 });
  return !result.error && /Janus version/.test(`${result.stdout}${result.stderr}`);
}

/** What to install, for messages and health. */
export const JANUS_INSTALL_HINT =
  'Janus (the WebRTC media server) is not installed: on Debian/Ubuntu run "sudo apt-get install -y janus" (or "bash scripts/ensure-janus.sh"), or set JANUS_URLS to use existing instances';

/**
 * A Janus left running by an earlier Tablehop that was killed (SIGKILL skips our exit handler) still
 * holds the old secrets and port: stop it, but only if it really is a Janus on this folder.
 */
function killLeftover(pidFile: string, folder: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (pid > 1 && /janus$/.test(cmdline[0] ?? '') && cmdline.includes(folder)) process.kill(pid, 'SIGKILL');
  } catch {
    // Not running (or no /proc): nothing to do.
  }
  rmSync(pidFile, { force: true });
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Keeps Janus' log below `maxBytes` plus one old file: a log past the cap becomes `<log>.1` (the
 * previous `.1` is dropped). `running`: Janus has the file open (in append mode, `fopen(…, "a")` in
 * its log.c), so it is copied and truncated in place; Janus' next line goes to the start of the
 * emptied file. Returns true when it rotated.
 */
export function rotateJanusLog(logFile: string, maxBytes: number, running: boolean): boolean {
  if (sizeOf(logFile) <= maxBytes) return false;
  const old = `${logFile}.1`;
  if (running) {
    copyFileSync(logFile, old);
    truncateSync(logFile, 0);
  } else {
    renameSync(logFile, old);
  }
  return true;
}

function hasPdeathsig(): boolean {
  const result = spawnSync('setpriv', ['--help'], { encoding: 'utf8', timeout: 5_000 });
  return !result.error && result.stdout.includes('--pdeathsig');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the product's own Janus and keeps it running: writes a fresh configuration into
 * `<dataDir>/janus/` (random secrets, API on 127.0.0.1, see `janus-config.ts`), starts
 * `janus -F <folder> -L <folder>/janus.log`, and starts it again (after 0.5 s, doubling up to 30 s)
 * when it dies. The log is capped (`logMaxBytes`, one old file kept): checked at every start and every
 * `logCheckMs` while Janus runs. Readiness and room recreation are the media server's part (`janus-media-server.ts`
 * reconnects and recreates). Janus dies with this process: it runs under `setpriv --pdeathsig KILL`
 * when util-linux has it (even a SIGKILL of Tablehop takes Janus along), an exit handler kills it
 * otherwise, and a pid file lets the next start stop a Janus that was left over anyway.
 */
export async function startJanusSupervisor(options: JanusSupervisorOptions): Promise<JanusSupervisor> {
  const binary = options.binary ?? 'janus';
  if (!isJanusInstalled(binary)) throw new JanusNotInstalledError(JANUS_INSTALL_HINT);
  const folder = join(options.dataDir, 'janus');
  const pidFile = join(folder, 'janus.pid');
  killLeftover(pidFile, folder);
  const port = options.port ?? (await freePort());
  const config = writeJanusConfig(folder, port, options.ice ?? {});
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let backoffMs = 500;
  let startedAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const pdeathsig = hasPdeathsig();
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  const logMaxBytes = options.logMaxBytes ?? 10 * 1024 * 1024;
  const rotate = (running: boolean) => {
    try {
      if (rotateJanusLog(config.logFile, logMaxBytes, running))
        options.log?.info(`janus log rotated (over ${logMaxBytes} bytes): ${config.logFile}.1`);
    } catch (error) {
      options.log?.warn(`janus log could not be rotated: ${(error as Error).message}`);
    }
  };
  const logCheck = setInterval(() => rotate(child !== null), options.logCheckMs ?? 5 * 60_000);
  logCheck.unref();

  function run(): void {
    timer = null;
    if (stopping) return;
    rotate(false);
    startedAt = Date.now();
    const args = ['-F', config.folder, '-L', config.logFile, '-o'];
    // With util-linux' setpriv the kernel kills Janus when we die, even by SIGKILL (PR_SET_PDEATHSIG).
    const proc = pdeathsig
      ? spawn('setpriv', ['--pdeathsig', 'KILL', '--', binary, ...args], { stdio: 'ignore' })
      : spawn(binary, args, { stdio: 'ignore' });
    child = proc;
    if (proc.pid) writeFileSync(pidFile, `${proc.pid}\n`);
    proc.once('error', (error) => options.log?.error(`janus could not start: ${error.message}`));
    proc.once('exit', (code, signal) => {
      if (child === proc) child = null;
      if (stopping) return;
      // A Janus that ran for a minute was healthy: start the backoff again from the beginning.
      if (Date.now() - startedAt > 60_000) backoffMs = 500;
      options.log?.warn(`janus exited (${signal ?? `code ${code}`}); restarting in ${backoffMs} ms (log: ${config.logFile})`);
      restarts++;
      timer = setTimeout(run, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 30_000);
    });
  }
  run();
  options.log?.info(`janus started on 127.0.0.1:${port} (config and log in ${config.folder})`);

  return {
    config,
    url: `ws://127.0.0.1:${port}`,
    pid: () => child?.pid ?? null,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      clearInterval(logCheck);
      process.off('exit', killOnExit);
      rmSync(pidFile, { force: true });
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        const kill = setTimeout(() => proc.kill('SIGKILL'), 3_000);
        proc.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    },
  };
}
