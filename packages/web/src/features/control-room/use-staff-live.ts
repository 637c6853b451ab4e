import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createLiveClient,
  type LiveClient,
  type LiveClientStatus,
  type LiveCommand,
  type LiveCommandResult,
  type LiveError,
  type LiveSnapshot,
} from '@tablehop/protocol';
import { liveSocketUrl } from '../../lib/use-live-join';
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

/**
 * A host's live connection (the session cookie goes along with the upgrade): the snapshot with
 * every event, staff events included, folded in. Reconnecting and resuming are the client's job.
 */
export function useStaffLive(editionId: string): StaffLive {
  const [state, setState] = useState<Omit<StaffLive, 'send'>>({ status: 'connecting', snapshot: null, refused: null, serverNow: Date.now });
  const current = useRef<LiveClient | null>(null);
  const send = useCallback(
    (command: LiveCommand): Promise<LiveCommandResult> =>
      current.current?.send(command) ?? Promise.resolve({ ok: false, error: { code: 'ERR_NOT_CONNECTED', message: 'Not connected.' } }),
    [],
  );
  useEffect(() => {
    const client = createLiveClient({ url: liveSocketUrl(), editionId, auth: { kind: 'staff' }, createSocket: (url) => new WebSocket(url) });
    current.current = client;
    setState({ status: 'connecting', snapshot: null, refused: null, serverNow: () => client.serverNow() });
    const offs = [
      client.onSnapshot((snapshot) => setState((s) => ({ ...s, snapshot }))),
      client.onEvent((event) => setState((s) => (s.snapshot ? { ...s, snapshot: applyStaffEvent(s.snapshot, event) } : s))),
      client.onStatus((status) => setState((s) => ({ ...s, status, refused: client.refused ?? null }))),
      client.onError((error) => {
        if (error.fatal) setState((s) => ({ ...s, refused: { code: error.code, message: error.message } }));
      }),
    ];
    client.connect();
    return () => {
      for (const off of offs) off();
      client.close();
      if (current.current === client) current.current = null;
    };
  }, [editionId]);
  return { ...state, send };
}
