import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createLiveClient,
  type LiveAuth,
  type LiveClient,
  type LiveClientStatus,
  type LiveCommand,
  type LiveError,
  type LiveSnapshot,
} from '@tablehop/protocol';
import { applyLiveEvent } from './live-state';

export interface LiveJoinState {
  status: LiveClientStatus;
  snapshot: LiveSnapshot | null;
  /** Why the server refused us (bad or revoked link, removed by the host); the client then stays closed. */
  refused: LiveError | null;
  removed: boolean;
  /** The server's clock as this client estimates it, for countdowns. */
  serverNow(): number;
}

export interface LiveJoin extends LiveJoinState {
  /** Sends a command (e.g. `set_muted`); false when the server refused it or it did not get through. */
  send(command: LiveCommand): Promise<boolean>;
}

/** The URL of the live WebSocket on the page's own origin. */
export function liveSocketUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/live`;
}

/**
 * A live connection: a participant's (join token from the mail link) or a staff member's (the
 * session cookie goes along with the upgrade): the snapshot with every event folded in, the
 * connection status and a refusal. Reconnecting and resuming are the client's job.
 */
export function useLiveJoin(editionId: string | null, token: string | null): LiveJoin {
  const [state, setState] = useState<LiveJoinState>({ status: 'connecting', snapshot: null, refused: null, removed: false, serverNow: Date.now });
  const current = useRef<LiveClient | null>(null);
  const send = useCallback(async (command: LiveCommand) => {
    const result = await current.current?.send(command);
    return result?.ok ?? false;
  }, []);
  useEffect(() => {
    if (!editionId) return;
    const auth: LiveAuth = token ? { kind: 'join', token } : { kind: 'staff' };
    const client = createLiveClient({ url: liveSocketUrl(), editionId, auth, createSocket: (url) => new WebSocket(url) });
    current.current = client;
    const serverNow = () => client.serverNow();
    setState({ status: 'connecting', snapshot: null, refused: null, removed: false, serverNow });
    const offs = [
      client.onSnapshot((snapshot) => setState((s) => ({ ...s, snapshot }))),
      client.onEvent((event) => {
        if (event.type === 'removed') {
          setState((s) => ({ ...s, removed: true }));
          client.close();
          return;
        }
        setState((s) => (s.snapshot ? { ...s, snapshot: applyLiveEvent(s.snapshot, event) } : s));
      }),
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
  }, [editionId, token]);
  return { ...state, send };
}
