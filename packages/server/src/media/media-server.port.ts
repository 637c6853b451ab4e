/**
 * The port to a media server (a Janus instance with the VideoRoom plugin). Only `media/` implements
 * it and only `media/` sees a Janus message: `JanusMediaServer` (janode) for real, `FakeMediaServer`
 * (`test/fake-media-server.ts`) in tests.
 */

/** Everything needed to create (or, after a media-server restart, recreate) one VideoRoom. */
export interface MediaRoomSpec {
  /** Random, unguessable (52 bits). */
  roomId: number;
  /** Needed to manage the room (allowed list, kick, destroy); never leaves the server. */
  secret: string;
  /** Needed to join; handed to the room's members. */
  pin: string;
  /** Tokens accepted at `join` (Janus' `allowed` list). */
  allowed: readonly string[];
  /** Publisher bitrate cap, bits/s (enforced: `bitrate_cap`). */
  bitrate: number;
  maxPublishers: number;
  description: string;
}

export interface MediaParticipant {
  /** The Janus participant (feed) id. */
  id: number;
  /** True while it publishes media. */
  publisher: boolean;
}

export type MediaServerStatus = { status: 'up' | 'degraded' | 'down' | 'off'; detail: string };

export interface MediaServer {
  /** For logs and health: e.g. `local` or `ws://10.0.0.5:8188`. */
  readonly name: string;
  /** The Janus WebSocket URL browsers connect to (absolute ws(s):// URL). */
  readonly browserUrl: string;
  createRoom(spec: MediaRoomSpec): Promise<void>;
  /** Destroys a room; a room that does not exist (any more) is no error. */
  destroyRoom(roomId: number, secret: string): Promise<void>;
  /** Adds tokens to the room's allowed list. */
  grant(roomId: number, secret: string, tokens: readonly string[]): Promise<void>;
  /** Removes tokens from the allowed list (who already joined stays until kicked). */
  revoke(roomId: number, secret: string, tokens: readonly string[]): Promise<void>;
  /** Kicks a participant out of a room; one that is not there is no error. */
  kick(roomId: number, secret: string, feedId: number): Promise<void>;
  /**
   * Mutes (or unmutes) the audio a participant publishes in a room (Janus: VideoRoom `moderate`).
   * Resolves false when the participant is not there or publishes no audio (yet): no error. The
   * media server forgets the mute when the participant leaves (a new join publishes unmuted).
   */
  moderate(roomId: number, secret: string, feedId: number, mute: boolean): Promise<boolean>;
  /** The ids of the rooms that exist now (Tablehop's and any other). */
  listRooms(): Promise<number[]>;
  listParticipants(roomId: number, secret: string): Promise<MediaParticipant[]>;
  status(): MediaServerStatus;
  /**
   * `listener` runs each time the server came back after losing its rooms (a restart of Janus, a
   * reconnection to an instance that restarted): the caller recreates the rooms it needs.
   * Returns the unsubscribe function.
   */
  onReset(listener: () => void): () => void;
  close(): Promise<void>;
}
