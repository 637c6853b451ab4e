// The small part of janode 1.8 (no type definitions of its own) that `janus-media-server.ts` uses.

declare module 'janode' {
  import type { EventEmitter } from 'node:events';

  export interface JanodeServerConfig {
    url: string;
    apisecret?: string;
    token?: string;
  }

  export interface JanodeConfig {
    address: JanodeServerConfig | JanodeServerConfig[];
    retry_time_secs?: number;
    max_retries?: number;
    is_admin?: boolean;
  }

  export interface JanodeHandle extends EventEmitter {
    /** A raw plugin request; resolves with Janus' answer, rejects on a plugin error. */
    message(body: Record<string, unknown>): Promise<{ plugindata?: { data?: Record<string, unknown> } }>;
    detach(): Promise<void>;
  }

  export interface JanodeSession extends EventEmitter {
    attach<H>(descriptor: { id: string; Handle: new (...args: never[]) => H }): Promise<H>;
    destroy(): Promise<void>;
  }

  export interface JanodeConnection extends EventEmitter {
    create(keepaliveSeconds?: number): Promise<JanodeSession>;
    getInfo(): Promise<{ name: string; version_string: string }>;
    close(): Promise<void>;
  }

  const Janode: {
    connect(config: JanodeConfig): Promise<JanodeConnection>;
    EVENT: { CONNECTION_CLOSED: string; SESSION_DESTROYED: string; HANDLE_DETACHED: string; CONNECTION_ERROR: string };
    Logger: { setLevel(level: 'debug' | 'verb' | 'info' | 'warn' | 'error' | 'none'): string };
  };
  export default Janode;
}

declare module 'janode/plugins/videoroom' {
  import type { JanodeHandle } from 'janode';

  /** Errors of the plugin carry Janus' `error_code` here (e.g. 426 no such room, 428 no such feed). */
  export interface VideoRoomError extends Error {
    _code?: number;
  }

  export interface VideoRoomHandle extends JanodeHandle {
    create(params: {
      room?: number;
      description?: string;
      max_publishers?: number;
      permanent?: boolean;
      is_private?: boolean;
      secret?: string;
      pin?: string;
      admin_key?: string;
      bitrate?: number;
      bitrate_cap?: boolean;
      fir_freq?: number;
      audiocodec?: string;
      videocodec?: string;
      require_pvtid?: boolean;
      notify_joining?: boolean;
    }): Promise<{ room: number; permanent: boolean }>;
    destroy(params: { room: number; permanent?: boolean; secret?: string }): Promise<{ room: number }>;
    allow(params: {
      room: number;
      action: 'enable' | 'disable' | 'add' | 'remove';
      list?: string[];
      secret?: string;
    }): Promise<{ room: number; list: string[] }>;
    kick(params: { room: number; feed: number; secret?: string }): Promise<unknown>;
    exists(params: { room: number }): Promise<{ room: number; exists: boolean }>;
    list(params?: { admin_key?: string }): Promise<{ list: { room: number }[] }>;
    listParticipants(params: {
      room: number;
      secret?: string;
    }): Promise<{ room: number; participants: { feed: number; display?: string; publisher: boolean }[] }>;
    // Participant side (used by the integration tests to play a browser's signalling).
    joinPublisher(params: { room: number; feed?: number; display?: string; token?: string; pin?: string }): Promise<{
      room: number;
      feed: number;
      private_id: number;
      publishers: { feed: number }[];
    }>;
    joinSubscriber(params: {
      room: number;
      feed: number;
      private_id?: number;
      token?: string;
      pin?: string;
    }): Promise<{ room: number; feed: number; jsep?: unknown }>;
    leave(): Promise<unknown>;
  }

  const VideoRoomPlugin: {
    id: string;
    Handle: new (...args: never[]) => VideoRoomHandle;
    EVENT: Record<string, string>;
  };
  export default VideoRoomPlugin;
}
