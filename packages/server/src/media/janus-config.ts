import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** ICE settings written into Janus' own configuration (`nat` section). */
export interface JanusIceSettings {
  /** Public IP(s) Janus advertises when it sits behind 1:1 NAT (`nat_1_1_mapping`). */
  nat1to1Mapping?: string;
  /** Only gather candidates on these interfaces / IPs (`ice_enforce_list`), e.g. `eth0`. */
  enforceList?: string;
  /** RTP/RTCP port range, e.g. `20000-40000` (open it in the firewall). */
  rtpPortRange?: string;
}

export interface JanusLocalConfig {
  /** The folder passed to `janus -F`. */
  folder: string;
  logFile: string;
  port: number;
  apiSecret: string;
  adminSecret: string;
  adminKey: string;
}

interface JanusFolders {
  plugins: string;
  transports: string;
  events: string;
  loggers: string;
}

/** Where the installed Janus keeps its modules: read from the packaged `janus.jcfg`, or the usual places. */
export function findJanusFolders(sampleDir = '/etc/janus'): JanusFolders {
  const sample = join(sampleDir, 'janus.jcfg');
  const text = existsSync(sample) ? readFileSync(sample, 'utf8') : '';
  const read = (key: string): string | undefined => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]+)"`, 'm').exec(text)?.[1];
  const guess = [
    '/usr/lib/x86_64-linux-gnu/janus',
    '/usr/lib/aarch64-linux-gnu/janus',
    '/usr/lib/janus',
    '/usr/local/lib/janus',
    '/opt/janus/lib/janus',
  ].find((dir) => existsSync(join(dir, 'plugins')));
  const base = guess ?? '/usr/lib/janus';
  return {
    plugins: read('plugins_folder') ?? join(base, 'plugins'),
    transports: read('transports_folder') ?? join(base, 'transports'),
    events: read('events_folder') ?? join(base, 'events'),
    loggers: read('loggers_folder') ?? join(base, 'loggers'),
  };
}

function modulesIn(folder: string, keep: string): string {
  if (!existsSync(folder)) return '';
  return readdirSync(folder)
    .filter((f) => f.endsWith('.so') && f !== keep)
    .join(',');
}

const secret = (): string => randomBytes(24).toString('base64url');

/** A jcfg string literal. */
const q = (value: string): string => JSON.stringify(value);

/**
 * Writes a Janus configuration folder for a Janus that only Tablehop talks to:
 * - fresh random `api_secret`, `admin_secret` and VideoRoom `admin_key` on every start (none of the
 *   Debian sample defaults survive: the sample rooms 1234/5678 and `adminpwd` are not copied);
 * - only the VideoRoom plugin and the WebSocket transport load (HTTP, MQTT, … transports, the other
 *   plugins, event handlers and loggers are disabled); the WebSocket API listens on 127.0.0.1 only,
 *   the admin WebSocket API is off;
 * - the module folders come from the packaged `/etc/janus/janus.jcfg`.
 */
export function writeJanusConfig(dir: string, port: number, ice: JanusIceSettings = {}, sampleDir = '/etc/janus'): JanusLocalConfig {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const folders = findJanusFolders(sampleDir);
  const config: JanusLocalConfig = {
    folder: dir,
    logFile: join(dir, 'janus.log'),
    port,
    apiSecret: secret(),
    adminSecret: secret(),
    adminKey: secret(),
  };
  const nat = [
    'nice_debug = false',
    'ice_ignore_list = "vmnet"',
    ...(ice.nat1to1Mapping ? [`nat_1_1_mapping = ${q(ice.nat1to1Mapping)}`] : []),
    ...(ice.enforceList ? [`ice_enforce_list = ${q(ice.enforceList)}`] : []),
  ];
  const janus = `# Written by Tablehop at every start; edits are lost.
general: {
  configs_folder = ${q(dir)}
  plugins_folder = ${q(folders.plugins)}
  transports_folder = ${q(folders.transports)}
  events_folder = ${q(folders.events)}
  loggers_folder = ${q(folders.loggers)}
  debug_level = 4
  server_name = "tablehop"
  api_secret = ${q(config.apiSecret)}
  admin_secret = ${q(config.adminSecret)}
  session_timeout = 60
  protected_folders = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sbin", "/sys", "/usr", "/var"]
}
certificates: {
}
media: {
${ice.rtpPortRange ? `  rtp_port_range = ${q(ice.rtpPortRange)}\n` : ''}}
nat: {
${nat.map((l) => `  ${l}`).join('\n')}
}
plugins: {
  disable = ${q(modulesIn(folders.plugins, 'libjanus_videoroom.so'))}
}
transports: {
  disable = ${q(modulesIn(folders.transports, 'libjanus_websockets.so'))}
}
loggers: {
  disable = ${q(modulesIn(folders.loggers, ''))}
}
events: {
  broadcast = false
  disable = ${q(modulesIn(folders.events, ''))}
}
`;
  const websockets = `general: {
  json = "plain"
  ws = true
  ws_port = ${port}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`;
  const videoroom = `general: {
  admin_key = ${q(config.adminKey)}
  lock_rtp_forward = true
}
`;
  writeFileSync(join(dir, 'janus.jcfg'), janus, { mode: 0o600 });
  writeFileSync(join(dir, 'janus.transport.websockets.jcfg'), websockets, { mode: 0o600 });
  writeFileSync(join(dir, 'janus.plugin.videoroom.jcfg'), videoroom, { mode: 0o600 });
  return config;
}
