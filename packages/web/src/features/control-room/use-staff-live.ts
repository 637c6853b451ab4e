import { useCallback } from 'react';
import type { LiveClientStatus, LiveCommand, LiveCommandResult, LiveError, LiveSnapshot } from '@tablehop/protocol';
import { useLiveClient, type LiveClientOptions } from '../../lib/use-live-join';
import { applyStaffEvent } from './staff-state.logic';

/** What the control room needs of its live connection; tests pass a fake. */
export interface StaffLive {
  status: LiveClientStatus;
  snapshot: LiveSnapshot | null;
  /** Why the server refused the connection (not a host of this edition, signed out); the client then stays closed. */
  refused: LiveError | null;
  /** The server's clock as this client estimates it, for countdowns. */
  serverNow(): number;
  /** Sends a command; resolves with the server's answer (never rejects). */
  send(command: LiveCommand): Promise<LiveCommandResult>;
}

const STAFF_OPTIONS: LiveClientOptions = { fold: applyStaffEvent, closeOnRemoved: false };

/**
 * A host's live connection (the session cookie goes along with the upgrade): the snapshot with
 * every event, staff events included, folded in. Reconnecting and resuming are the client's job.
 */
export function useStaffLive(editionId: string): StaffLive {
  const { state, client } = useLiveClient(editionId, null, STAFF_OPTIONS);
  const send = useCallback(
    (command: LiveCommand): Promise<LiveCommandResult> =>
      client.current?.send(command) ?? Promise.resolve({ ok: false, error: { code: 'ERR_NOT_CONNECTED', message: 'Not connected.' } }),
    [client],
  );
  return { status: state.status, snapshot: state.snapshot, refused: state.refused, serverNow: state.serverNow, send };
}
