import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('media configuration', () => {
  test('starts its own Janus by default, with no ICE servers and a table bitrate cap of 384 kbit/s', () => {
    const { media } = loadConfig({});
    expect(media).toMatchObject({
      mode: 'local',
      janusUrls: [],
      janusBinary: 'janus',
      installJanus: true,
      iceServers: [],
      iceTransportPolicy: 'all',
    });
    expect(media.tableBitrate).toBe(384_000);
  });

  test('JANUS_URLS selects external instances and takes the secrets out of the URL', () => {
    const { media } = loadConfig({
      JANUS_URLS: 'ws://10.0.0.5:8188?apiSecret=s1&adminKey=k1&publicUrl=wss://janus1.example.org, ws://10.0.0.6:8188/?apiSecret=s2',
    });
    expect(media.mode).toBe('external');
    expect(media.janusUrls).toEqual([
      { url: 'ws://10.0.0.5:8188/', apiSecret: 's1', adminKey: 'k1', publicUrl: 'wss://janus1.example.org' },
      { url: 'ws://10.0.0.6:8188/', apiSecret: 's2', adminKey: undefined, publicUrl: undefined },
    ]);
  });

  test('passes ICE settings through', () => {
    const { media } = loadConfig({
      JANUS_NAT_1_1_MAPPING: '203.0.113.7',
      JANUS_ICE_INTERFACES: 'eth0',
      JANUS_RTP_PORT_RANGE: '20000-40000',
      TABLEHOP_ICE_SERVERS: '[{"urls":"stun:stun.example.org:3478"},{"urls":["turn:turn.example.org"],"username":"u","credential":"p"}]',
      TABLEHOP_ICE_TRANSPORT_POLICY: 'relay',
    });
    expect(media).toMatchObject({ nat1to1Mapping: '203.0.113.7', iceEnforceList: 'eth0', rtpPortRange: '20000-40000', iceTransportPolicy: 'relay' });
    expect(media.iceServers).toEqual([{ urls: 'stun:stun.example.org:3478' }, { urls: ['turn:turn.example.org'], username: 'u', credential: 'p' }]);
  });

  test.each([
    ['JANUS_URLS', 'http://10.0.0.5:8188'],
    ['JANUS_URLS', 'ws://10.0.0.5:8188?publicUrl=https://x'],
    ['TABLEHOP_ICE_SERVERS', '{"urls":"stun:x"}'],
    ['TABLEHOP_ICE_SERVERS', '[{"urls":"http://x"}]'],
    ['JANUS_RTP_PORT_RANGE', '20000'],
    ['JANUS_NAT_1_1_MAPPING', 'example.org'],
    ['TABLEHOP_MEDIA', 'remote'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
