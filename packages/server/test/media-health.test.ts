import { afterEach, describe, expect, test } from 'vitest';
import { createMediaService } from '../src/media/media.service.js';
import { createFakeMediaServer } from './fake-media-server.js';
import { createTestApp } from './test-app.js';

const ICE = { iceServers: [], iceTransportPolicy: 'all' as const };

describe('/api/health: the media line', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  test.each([
    ['up', false, 'ok', 'up'],
    ['down', true, 'degraded', 'degraded'],
  ])('media server %s -> %s', async (_name, down, overall, line) => {
    const server = createFakeMediaServer();
    server.setDown(down);
    const media = createMediaService({ servers: [server], ice: ICE, sweepIntervalMs: 0 });
    const t = await createTestApp({ media });
    closers.push(
      () => t.close(),
      () => media.close(),
    );
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: overall, components: { media: { status: line } } });
  });

  test('without Janus the product is up and the media line says off and why', async () => {
    const media = createMediaService({ servers: [], ice: ICE, unavailable: { reason: 'janus_not_installed', detail: 'apt-get install janus' } });
    const t = await createTestApp({ media });
    closers.push(() => t.close());
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toMatchObject({ status: 'ok', components: { media: { status: 'off', detail: 'apt-get install janus' } } });
  });
});
