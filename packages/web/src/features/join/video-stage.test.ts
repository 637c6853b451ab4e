import { describe, expect, test } from 'vitest';
import type { LiveSeat } from '@tablehop/protocol';
import type { RemoteFeed } from '../../lib/media/table-media';
import { formatRemaining } from './live-timer';
import { activeSpeakerOf, personOf } from './video-stage';

const seat: LiveSeat = {
  round: 1,
  table: 3,
  moderator: { personId: 'm1', name: 'Mia Moderator' },
  cards: [{ personId: 'p1', name: 'Ann Peeters', company: 'Acme', sector: 'IT', jobTitle: 'CEO', offer: '', lookingFor: '' }],
};

const feed = (feedId: number, audioLevel: number): RemoteFeed => ({
  feedId,
  display: `p${feedId}`,
  stream: {} as MediaStream,
  hasVideo: true,
  hasAudio: true,
  audioLevel,
});

describe('personOf', () => {
  test.each([
    ['p1', { name: 'Ann Peeters', company: 'Acme' }],
    ['m1', { name: 'Mia Moderator', company: null }],
    ['someone-else', { name: 'Host', company: null }],
  ])('names the feed %s from the table', (display, expected) => {
    expect(personOf(seat, display, 'Host')).toEqual(expected);
  });
});

describe('activeSpeakerOf', () => {
  test.each([
    [[], null],
    [[feed(1, 0.01), feed(2, 0.05)], null],
    [[feed(1, 0.2), feed(2, 0.5), feed(3, 0.1)], 2],
  ])('picks the loudest feed above the threshold', (remotes, expected) => {
    expect(activeSpeakerOf(remotes)).toBe(expected);
  });
});

describe('formatRemaining', () => {
  test.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [999, '0:01'],
    [61_000, '1:01'],
    [12 * 60_000, '12:00'],
  ])('shows %i ms as %s', (ms, expected) => {
    expect(formatRemaining(ms)).toBe(expected);
  });
});
