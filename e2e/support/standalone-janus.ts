import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';

/**
 * A Janus of our own for the media benchmark's CPU figures (and for probing the browser client
 * without the product): Debian's sample configs copied to a temporary folder, API on 127.0.0.1,
 * media only on `iceInterface` (a veth end of the test's namespace), HTTP and other transports off.
 */
export interface StandaloneJanus {
  url: string;
  adminKey: string;
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

export async function startStandaloneJanus(options: { port: number; iceInterface: string }): Promise<StandaloneJanus> {
  const folder = mkdtempSync(join(tmpdir(), 'tablehop-janus-'));
  cpSync('/etc/janus', folder, { recursive: true });
  for (const unused of ['mqtt', 'rabbitmq', 'nanomsg', 'pfunix', 'http']) rmSync(join(folder, `janus.transport.${unused}.jcfg`), { force: true });
  const adminKey = `k${Math.random().toString(36).slice(2)}`;
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(folder, file), change(readFileSync(join(folder, file), 'utf8')));
  edit('janus.jcfg', (t) =>
    t
      .replace(/#?ice_enforce_list = "eth0"\n/, `ice_enforce_list = "${options.iceInterface}"\n`)
      .replace(/admin_secret = "janusoverlord"/, `admin_secret = "${adminKey}"`),
  );
  edit('janus.transport.websockets.jcfg', (t) =>
    t.replace(/ws_port = 8188/, `ws_port = ${options.port}`).replace(/#ws_ip = "192.168.0.1"/, 'ws_ip = "127.0.0.1"'),
  );
  edit('janus.plugin.videoroom.jcfg', (t) => t.replace(/general: \{/, `general: {\n\tadmin_key = "${adminKey}"`));
  const log = join(folder, 'janus.log');
  const child = spawn('janus', ['-F', folder, '-L', log, '-o'], { stdio: 'ignore' });
  const url = `ws://127.0.0.1:${options.port}`;
  // Ready when its WebSocket port takes connections (the log line alone came too early once, on a busy machine).
  const listening = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(options.port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
  for (let i = 0; ; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (child.exitCode !== null) throw new Error(`janus exited: ${readFileSync(log, 'utf8').slice(-2000)}`);
    if (await listening()) break;
    if (i >= 300) throw new Error(`janus did not listen on ${url} within 30 s`);
  }
  return {
    url,
    adminKey,
    child,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
