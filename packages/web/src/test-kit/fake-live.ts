import { vi } from 'vitest';
import type { LiveCommand, LiveSnapshot } from '@tablehop/protocol';
import type { LiveJoin } from '../lib/use-live-join';

/** An open live connection showing `snapshot` at `now`; every command sent is recorded in `sent` and accepted. */
export function fakeLiveJoin(snapshot: LiveSnapshot | null, now: number, overrides: Partial<LiveJoin> = {}): { live: LiveJoin; sent: LiveCommand[] } {
  const sent: LiveCommand[] = [];
  const live: LiveJoin = {
    status: 'open',
    snapshot,
    refused: null,
    removed: false,
    serverNow: () => now,
    send: vi.fn(async (command: LiveCommand) => {
      sent.push(command);
      return true;
    }),
    ...overrides,
  };
  return { live, sent };
}
