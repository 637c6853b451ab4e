/**
 * Video: what a live client gets to join the Janus VideoRoom of the room it is in now.
 *
 * ## Delivery
 * - The live snapshot carries `media` (a {@link MediaAssignment}) for the actor.
 * - Every later change comes as the live event `{ type: 'media_assigned', assignment }`: when a round's
 *   table rooms are ready (during the `moving` interval, shortly after `seat_assigned`), when the actor is
 *   moved, unseated or removed, when the plenary (or closing plenary) starts, after a Janus restart (the
 *   same credentials: the room was recreated, join it again), after a Tablehop restart (in the snapshot:
 *   new rooms, new credentials), and when video becomes unavailable or available again. The newest one replaces
 *   whatever the client had; `assignment.media === null` means "leave your room now" (`reason` says why).
 *   The same assignment may come again (e.g. after a reconnection or a Janus restart): when the client
 *   is in that room and its connections are healthy it keeps them, otherwise it (re)joins. A different
 *   `roomId` means: leave the old room, join the new one.
 * - Only the room the actor is in now is ever handed out. A move or a removal revokes the old token and
 *   kicks the old feed out of its room on the server side, so a client that ignores the event is dropped.
 *
 * ## Joining (Janus protocol, plugin `janus.plugin.videoroom`)
 * 1. Open a WebSocket to `room.janusUrl` with subprotocol `janus-protocol`, `create` a session (no
 *    `apisecret` is needed through the default proxy; an external instance may need `room.apiToken` as the
 *    Janus `token` of every request when set), `attach` the VideoRoom plugin.
 * 2. Publisher handle, for everyone (plenary listeners too, who just never publish on it): it receives the
 *    room's publishers (`joined` / `event` messages) and the `private_id` that subscribing needs:
 *    `{ request: 'join', ptype: 'publisher', room: roomId, id: feedId, display, pin, token }`.
 *    The server watches the room and kicks any participant whose `id` is not a feed it handed out, so
 *    `id: feedId` is mandatory. Keep `private_id` from the `joined` answer.
 * 3. When `publisher` is true: `{ request: 'configure' | 'publish', audio: true, video: true, bitrate }`
 *    with VP8 video and Opus audio (the room accepts nothing else) and at most `bitrateCap` bits/s.
 *    Add the microphone's track before the camera's, so audio is mid "0": a mute by the moderator or a
 *    host (`mute_participant`, see `live.ts`) is a VideoRoom `moderate` of that m-line on the server.
 *    When false (plenary listeners): never publish. A listener that publishes anyway is kicked.
 * 4. Subscribe to the others with a second handle:
 *    `{ request: 'join', ptype: 'subscriber', room: roomId, streams: [{ feed }], private_id, pin, token }`
 *    (`private_id` is required: the rooms are created with `require_pvtid`).
 *
 * The default setup serves Janus through the Tablehop server itself: `janusUrl` is
 * `ws(s)://<public host>/janus`, a WebSocket pipe (in `server/src/media/`) to the local Janus bound to
 * 127.0.0.1, so one origin and port suffice. With `JANUS_URLS` it is the instance's `publicUrl`, or
 * `ws(s)://<public host>/janus/<n>` (the same pipe) when it has none. Media itself (ICE/RTP) goes
 * between the browser and Janus directly, using `ice`.
 */

/** Like the browser's `RTCIceServer`. */
export interface MediaIceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** ICE settings for the browser's `RTCPeerConnection` (pass as they are). */
export interface MediaIce {
  iceServers: MediaIceServer[];
  iceTransportPolicy: 'all' | 'relay';
}

/** One actor's access to one Janus VideoRoom. */
export interface MediaRoomAccess {
  /** `table`: a breakout table of the current round; `plenary`: the welcome / closing plenary. */
  kind: 'table' | 'plenary';
  /** The round for a table room; 0 for the plenary. */
  round: number;
  /** The table number (1-based) for a table room; null for the plenary. */
  table: number | null;
  /** The WebSocket URL of the Janus API the browser connects to (`ws:` or `wss:`). */
  janusUrl: string;
  /** The VideoRoom's id: random, 52 bits, unguessable; useless without `pin` and `token`. */
  roomId: number;
  /** The room's PIN (`pin` in `join`). */
  pin: string;
  /** This actor's token for this room (`token` in `join`); revoked when the actor leaves the room. */
  token: string;
  /** The participant id to use as `id` in the publisher `join` (chosen by the server, unique in the room). */
  feedId: number;
  /** The `display` to use in `join`: the actor's person id, so tiles find their card in `seat.cards`. */
  display: string;
  /** False for plenary listeners: subscribe only. */
  publisher: boolean;
  /** Upper bound for the publisher's bitrate (bits/s); the room caps it too. */
  bitrateCap: number;
  videoCodec: 'vp8';
  audioCodec: 'opus';
  /** A Janus API token to add to every Janus request (external instances with token auth); null otherwise. */
  apiToken: string | null;
}

export interface MediaCredentials {
  room: MediaRoomAccess;
  ice: MediaIce;
}

/**
 * Why there is no room to join:
 * - `no_room`: nothing to join in this phase (lobby, moving without a seat, ended; hosts during rounds);
 * - `preparing`: the room is being created (a `media_assigned` follows in a moment);
 * - `janus_not_installed`: video is off on this server (no Janus; see `detail`);
 * - `media_server_down`: the media server does not answer now (a `media_assigned` follows when it is back).
 */
export type MediaUnavailableReason = 'no_room' | 'preparing' | 'janus_not_installed' | 'media_server_down';

export type MediaAssignment = { media: MediaCredentials; reason: null } | { media: null; reason: MediaUnavailableReason; detail?: string };
