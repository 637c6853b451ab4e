import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MediaConfig } from '../config/config.js';
import type { JanusProxyRoute } from './janus-proxy.js';
import { createJanusMediaServer, type JanusMediaServer } from './janus-media-server.js';
import { isJanusInstalled, JANUS_INSTALL_HINT, startJanusSupervisor, type JanusSupervisor } from './janus-supervisor.js';
import { createMediaService, type MediaService } from './media.service.js';

const ensureJanusScript = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../scripts/ensure-janus.sh');

export interface MediaSetup {
  media: MediaService;
  /** Janus instances to serve to browsers through this server (see `attachJanusProxy`). */
  proxyRoutes: JanusProxyRoute[];
  stop(): Promise<void>;
}

interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** `http://host:3000` -> `ws://host:3000`, `https://…` -> `wss://…`. */
export function toWebSocketUrl(publicUrl: string): string {
  return publicUrl.replace(/^http/, 'ws').replace(/\/+$/, '');
}

/**
 * Installs Janus when it is missing and we may (Debian/Ubuntu, root, TABLEHOP_INSTALL_JANUS=on) with
 * `scripts/ensure-janus.sh`. Returns whether Janus is there now.
 */
function ensureJanus(config: MediaConfig, log: Log): boolean {
  if (isJanusInstalled(config.janusBinary)) return true;
  const root = process.getuid?.() === 0;
  if (config.installJanus && root && existsSync('/etc/debian_version') && existsSync(ensureJanusScript)) {
    log.info('Janus is not installed: installing it with apt-get (scripts/ensure-janus.sh; TABLEHOP_INSTALL_JANUS=off to skip)');
    const result = spawnSync('bash', [ensureJanusScript], { stdio: 'inherit', timeout: 10 * 60_000 });
    if (result.status === 0 && isJanusInstalled(config.janusBinary)) return true;
    log.error('installing Janus failed');
  }
  return false;
}

/**
 * Video as configured: our own supervised Janus (default), the external instances of `JANUS_URLS`,
 * or none. Never throws for a missing or broken Janus: the product then runs without video and
 * says why (health, and `media_assigned` with `media: null`).
 */
export async function startMedia(config: MediaConfig, options: { dataDir: string; publicUrl: string; log: Log }): Promise<MediaSetup> {
  const { log } = options;
  const ice = { iceServers: config.iceServers, iceTransportPolicy: config.iceTransportPolicy };
  const onError = (error: unknown) => log.warn(`media: ${error instanceof Error ? error.message : String(error)}`);
  const base = toWebSocketUrl(options.publicUrl);
  const off = (detail: string): MediaSetup => ({
    media: createMediaService({ servers: [], ice, unavailable: { reason: 'janus_not_installed', detail } }),
    proxyRoutes: [],
    stop: async () => undefined,
  });

  if (config.mode === 'off') return off('video is turned off (TABLEHOP_MEDIA=off)');

  const servers: JanusMediaServer[] = [];
  const proxyRoutes: JanusProxyRoute[] = [];
  let supervisor: JanusSupervisor | null = null;
  if (config.mode === 'local') {
    if (!ensureJanus(config, log)) {
      log.warn(`${JANUS_INSTALL_HINT}. Tablehop runs without video.`);
      return off(JANUS_INSTALL_HINT);
    }
    try {
      supervisor = await startJanusSupervisor({
        dataDir: options.dataDir,
        binary: config.janusBinary,
        ice: { nat1to1Mapping: config.nat1to1Mapping, enforceList: config.iceEnforceList, rtpPortRange: config.rtpPortRange },
        log,
      });
    } catch (error) {
      log.error(`Janus could not be started: ${(error as Error).message}. Tablehop runs without video.`);
      return off(`Janus could not be started: ${(error as Error).message}`);
    }
    servers.push(
      createJanusMediaServer({
        name: 'local',
        url: supervisor.url,
        apiSecret: supervisor.config.apiSecret,
        adminKey: supervisor.config.adminKey,
        browserUrl: `${base}/janus`,
        log,
      }),
    );
    proxyRoutes.push({ path: '/janus', target: supervisor.url, apiSecret: supervisor.config.apiSecret });
  } else {
    config.janusUrls.forEach((instance, i) => {
      const path = `/janus/${i}`;
      servers.push(
        createJanusMediaServer({
          name: new URL(instance.url).host,
          url: instance.url,
          apiSecret: instance.apiSecret,
          adminKey: instance.adminKey,
          browserUrl: instance.publicUrl ?? `${base}${path}`,
          log,
        }),
      );
      if (!instance.publicUrl) proxyRoutes.push({ path, target: instance.url, apiSecret: instance.apiSecret });
    });
  }
  // Wait a little for the first connection; a server that is not there yet keeps being retried.
  await Promise.all(servers.map((s) => s.ready(15_000).catch((error: Error) => log.warn(error.message))));
  const media = createMediaService({ servers, ice, tableBitrate: config.tableBitrate, onError });
  return {
    media,
    proxyRoutes,
    async stop() {
      await media.close();
      for (const s of servers) await s.close();
      await supervisor?.stop();
    },
  };
}
