import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import {
  createLiveClient,
  type LiveAuth,
  type LiveClient,
  type LiveClientStatus,
  type LiveCommand,
  type LiveError,
  type LiveEvent,
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

/** How a live connection hook folds the events it gets into the snapshot. */
export interface LiveClientOptions {
  fold(snapshot: LiveSnapshot, event: LiveEvent): LiveSnapshot;
  /** Whether a `removed` event marks the state removed and closes the client (a participant's connection). */
  closeOnRemoved: boolean;
}

/**
 * The live connection both the participants' and the hosts' hooks use (none while `editionId` is null):
 * a join token connects as that participant, no token as staff (the session cookie goes along with the
 * upgrade). Keeps the snapshot with every event folded in, the connection status and a refusal;
 * `client` is the open client, to send commands through. Reconnecting and resuming are the client's job.
 */
export function useLiveClient(
  editionId: string | null,
  token: string | null,
  { fold, closeOnRemoved }: LiveClientOptions,
): { state: LiveJoinState; client: RefObject<LiveClient | null> } {
  const [state, setState] = useState<LiveJoinState>({ status: 'connecting', snapshot: null, refused: null, removed: false, serverNow: Date.now });
  const client = useRef<LiveClient | null>(null);
  useEffect(() => {
    if (!editionId) return;
    const auth: LiveAuth = token ? { kind: 'join', token } : { kind: 'staff' };
    const live = createLiveClient({ url: liveSocketUrl(), editionId, auth, createSocket: (url) => new WebSocket(url) });
    client.current = live;
    const serverNow = () => live.serverNow();
    setState({ status: 'connecting', snapshot: null, refused: null, removed: false, serverNow });
    const offs = [
      live.onSnapshot((snapshot) => setState((s) => ({ ...s, snapshot }))),
      live.onEvent((event) => {
        if (closeOnRemoved && event.type === 'removed') {
          setState((s) => ({ ...s, removed: true }));
          live.close();
          return;
        }
        setState((s) => (s.snapshot ? { ...s, snapshot: fold(s.snapshot, event) } : s));
      }),
      live.onStatus((status) => setState((s) => ({ ...s, status, refused: live.refused ?? null }))),
      live.onError((error) => {
        if (error.fatal) setState((s) => ({ ...s, refused: { code: error.code, message: error.message } }));
      }),
    ];
    live.connect();
    return () => {
      for (const off of offs) off();
      live.close();
      if (client.current === live) client.current = null;
    };
  }, [editionId, token, fold, closeOnRemoved]);
  return { state, client };
}

const JOIN_OPTIONS: LiveClientOptions = { fold: applyLiveEvent, closeOnRemoved: true };

/**
 * A live connection: a participant's (join token from the mail link) or a staff member's (the
 * session cookie goes along with the upgrade): the snapshot with every event folded in, the
 * connection status and a refusal. Reconnecting and resuming are the client's job.
 */
export function useLiveJoin(editionId: string | null, token: string | null): LiveJoin {
  const { state, client } = useLiveClient(editionId, token, JOIN_OPTIONS);
  const send = useCallback(
    async (command: LiveCommand) => {
      const result = await client.current?.send(command);
      return result?.ok ?? false;
    },
    [client],
  );
  return { ...state, send };
}
