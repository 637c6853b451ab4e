import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJanusMediaServer, type JanusMediaServer } from '../src/media/janus-media-server.js';
import { isJanusInstalled, JANUS_INSTALL_HINT, startJanusSupervisor, type JanusSupervisor } from '../src/media/janus-supervisor.js';

/**
 * Whether the Janus integration tests can run. Like `test-databases.ts` does for PostgreSQL: without
 * Janus they are skipped locally, but with `CI=true` they fail (CI must not pass without running them;
 * `npm run test:all` installs Janus through `scripts/ensure-janus.sh`).
 */
const binary = process.env.JANUS_BINARY || 'janus';
export const janusAvailable = isJanusInstalled(binary);
export const janusMissingMessage = `CI=true but the janus binary is not installed, so the Janus integration tests cannot run. ${JANUS_INSTALL_HINT}.`;

/** A real Janus on 127.0.0.1 (a free port, its own folder), supervised, with a connected media server. */
export async function startTestJanus(): Promise<{ supervisor: JanusSupervisor; server: JanusMediaServer; dir: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tablehop-janus-'));
  const supervisor = await startJanusSupervisor({ dataDir: dir, binary });
  const server = createJanusMediaServer({
    name: 'test',
    url: supervisor.url,
    apiSecret: supervisor.config.apiSecret,
    adminKey: supervisor.config.adminKey,
    browserUrl: 'ws://127.0.0.1/janus',
    reconnectMs: 100,
  });
  await server.ready(15_000);
  return {
    supervisor,
    server,
    dir,
    async stop() {
      await server.close();
      await supervisor.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
