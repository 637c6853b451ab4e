import { createJanusSession, JanusError, type JanusHandle, type JanusMessage, type JanusSession } from './janus-session';
import { releaseRemovedVideos } from './release-videos';

/**
 * The video of one person in one VideoRoom: publish the local camera and microphone, subscribe to
 * every other publisher of the room, and follow the room as people come and go. `join(next)`
 * switches rooms without a page reload (the old room is left in the background while the new one
 * is joined at once); ICE failure, a dropped Janus connection or a Janus restart make it rejoin by
 * itself with backoff. Framework-free: `use-table-media.ts` wraps it for React.
 */

/** Where and how to join: what the server hands out for the room the person is seated in now. */
export interface RoomAccess {
  /** Janus' WebSocket API, e.g. `wss://example.org/janus` (or `ws://127.0.0.1:8188` in tests). */
  url: string;
  room: number | string;
  /** The room's pin, if it has one. */
  pin?: string;
  /** The VideoRoom `token` (room `allowed` list) for this person. */
  roomToken?: string;
  /** A Janus core token (`token_auth`) or API secret, if the server uses those. */
  janusToken?: string;
  apiSecret?: string;
  /** Shown to the others; we send the person id so tiles can be matched with the table's cards. */
  display: string;
  /** The publisher id the server chose for this person (it kicks feeds it did not hand out). */
  feedId?: number;
  /** Upper bound of the published bitrate, bits/s. */
  bitrateCap?: number;
  iceServers?: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** False in the plenary for everyone but the host: subscribe only. */
  publish: boolean;
}

export interface RemoteFeed {
  feedId: number;
  display: string;
  stream: MediaStream;
  /** The publisher sends a video stream (false: "no camera"). */
  hasVideo: boolean;
  hasAudio: boolean;
  /** 0..1, from the RTP audio level of its last packets. */
  audioLevel: number;
}

export type TableMediaStatus = 'idle' | 'joining' | 'joined' | 'reconnecting' | 'kicked' | 'refused';

export interface TableMediaState {
  status: TableMediaStatus;
  room: RoomAccess['room'] | null;
  remotes: RemoteFeed[];
  /** The last error, in developer words (the UI maps the status to sentences). */
  error: string | null;
  /** Rejoins since the last `join`. */
  rejoins: number;
}

export interface TableMedia {
  /** Joins `access` (leaving the current room first), or only leaves when null. */
  join(access: RoomAccess | null): void;
  /** Replaces the published tracks (another camera or microphone) without renegotiating. */
  setLocalStream(stream: MediaStream | null): void;
  /** Camera toggle: stops (or resumes) sending video frames without leaving the room. */
  setVideoSending(sending: boolean): void;
  getState(): TableMediaState;
  subscribe(listener: (state: TableMediaState) => void): () => void;
  close(): void;
}

interface Feed {
  id: number;
  display: string;
  streams?: { type: string; mid: string; disabled?: boolean }[];
}

interface Attempt {
  session: JanusSession | null;
  peers: RTCPeerConnection[];
  remotes: Map<number, RemoteFeed & { pc: RTCPeerConnection; handle: JanusHandle }>;
  publisherPc: RTCPeerConnection | null;
  /** Feeds being subscribed to (set before the first await, so an announcement twice subscribes once). */
  subscribing: Set<number>;
  cancelled: boolean;
}

const VIDEOROOM = 'janus.plugin.videoroom';

export function createTableMedia(options: { localStream?: MediaStream | null; backoffMs?: number[]; disconnectedMs?: number } = {}): TableMedia {
  const backoff = options.backoffMs ?? [250, 500, 1000, 2000, 4000];
  const disconnectedMs = options.disconnectedMs ?? 4000;
  let localStream = options.localStream ?? null;
  let access: RoomAccess | null = null;
  let attempt: Attempt | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let state: TableMediaState = { status: 'idle', room: null, remotes: [], error: null, rejoins: 0 };
  const listeners = new Set<(state: TableMediaState) => void>();
  // Tiles of people who left, and the own tile while listening, must not keep their frames (see release-videos.ts).
  releaseRemovedVideos();

  function update(patch: Partial<TableMediaState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  function publishRemotes(current: Attempt): void {
    if (current !== attempt) return;
    update({ remotes: [...current.remotes.values()].map(({ pc: _pc, handle: _handle, ...remote }) => remote) });
  }

  function teardown(old: Attempt | null): void {
    if (!old) return;
    old.cancelled = true;
    for (const pc of old.peers) pc.close();
    // Destroying the session makes Janus drop every handle (and the participant) at once.
    old.session?.destroy();
  }

  function join(next: RoomAccess | null): void {
    clearTimeout(retryTimer);
    teardown(attempt);
    attempt = null;
    access = next;
    update({ status: next ? 'joining' : 'idle', room: next?.room ?? null, remotes: [], error: null, rejoins: 0 });
    if (next) start(next);
  }

  function scheduleRejoin(failed: Attempt, reason: string): void {
    if (failed !== attempt || failed.cancelled || !access) return;
    teardown(failed);
    const target = access;
    const delay = backoff[Math.min(state.rejoins, backoff.length - 1)]!;
    update({ status: 'reconnecting', remotes: [], error: reason, rejoins: state.rejoins + 1 });
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (access === target) start(target);
    }, delay);
  }

  function watchPeer(current: Attempt, pc: RTCPeerConnection, what: string): void {
    current.peers.push(pc);
    let lost: ReturnType<typeof setTimeout> | undefined;
    pc.onconnectionstatechange = () => {
      clearTimeout(lost);
      if (pc.connectionState === 'failed') scheduleRejoin(current, `${what}: ICE failed`);
      // Chromium takes ~30 s from "disconnected" to "failed"; a table should not wait that long.
      if (pc.connectionState === 'disconnected') lost = setTimeout(() => scheduleRejoin(current, `${what}: ICE disconnected`), disconnectedMs);
    };
  }

  function wireTrickle(pc: RTCPeerConnection, handle: JanusHandle): void {
    pc.onicecandidate = (event) => handle.trickle(event.candidate ? event.candidate.toJSON() : null);
  }

  function start(target: RoomAccess): void {
    const current: Attempt = { session: null, peers: [], remotes: new Map(), publisherPc: null, subscribing: new Set(), cancelled: false };
    attempt = current;
    void run(current, target).catch((error: unknown) => {
      if (current.cancelled) return;
      if (error instanceof JanusError && isRefusal(error.code)) {
        teardown(current);
        update({ status: 'refused', error: error.message, remotes: [] });
        return;
      }
      scheduleRejoin(current, error instanceof Error ? error.message : String(error));
    });
  }

  /**
   * The publisher's PeerConnection and offer, made while the Janus session opens (they do not depend
   * on each other: this takes the offer off the switch's critical path). ICE candidates found before
   * the Janus handle exists wait for it.
   */
  function preparePublisher(current: Attempt, target: RoomAccess, stream: MediaStream) {
    const pc = new RTCPeerConnection(rtcConfigOf(target));
    current.publisherPc = pc;
    watchPeer(current, pc, 'publisher');
    // Audio first: the server mutes a feed's microphone by its m-line, mid "0" (Janus `moderate`).
    for (const track of [...stream.getAudioTracks(), ...stream.getVideoTracks()]) {
      const transceiver = pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
      // Camera switched off before this room: keep the slot, send no frames.
      if (track.kind === 'video' && !track.enabled) void transceiver.sender.replaceTrack(null);
    }
    const early: (RTCIceCandidateInit | null)[] = [];
    let handle: JanusHandle | null = null;
    pc.onicecandidate = (event) => {
      const candidate = event.candidate ? event.candidate.toJSON() : null;
      if (handle) handle.trickle(candidate);
      else early.push(candidate);
    };
    const offer = pc.createOffer().then(async (description) => {
      await pc.setLocalDescription(description);
      return description;
    });
    offer.catch(() => undefined); // a switch may close the connection before anyone waits for the offer
    return {
      pc,
      offer,
      attach(to: JanusHandle) {
        handle = to;
        for (const candidate of early.splice(0)) to.trickle(candidate);
      },
    };
  }

  async function run(current: Attempt, target: RoomAccess): Promise<void> {
    const stream = localStream;
    const local = target.publish && stream && stream.getTracks().length > 0 ? preparePublisher(current, target, stream) : null;
    const session = await createJanusSession(target.url, { token: target.janusToken, apiSecret: target.apiSecret });
    if (current.cancelled) return session.destroy();
    current.session = session;
    session.onClosed = (reason) => scheduleRejoin(current, reason);
    const publisher = await session.attach(VIDEOROOM);
    if (current.cancelled) return;
    const access = { room: target.room, ...(target.pin ? { pin: target.pin } : {}), ...(target.roomToken ? { token: target.roomToken } : {}) };

    const identity = { display: target.display, ...(target.feedId ? { id: target.feedId } : {}) };
    // Feeds announced before our own `joined` answer wait for it: subscribing needs our private_id.
    const ids: { privateId?: number; early: Feed[] | null } = { early: [] };
    publisher.onEvent = (message) => {
      if (ids.early) ids.early.push(...feedsOf(message));
      onPublisherEvent(current, target, message, () => ids.privateId, ids.early === null);
    };

    let joined: JanusMessage;
    if (local) {
      const { pc } = local;
      const offer = await local.offer;
      if (current.cancelled) return;
      // One round trip: join and publish together.
      const answer = publisher.message(
        {
          request: 'joinandconfigure',
          ptype: 'publisher',
          ...identity,
          ...access,
          audio: true,
          video: true,
          ...(target.bitrateCap ? { bitrate: target.bitrateCap } : {}),
        },
        offer,
      );
      // Candidates go after the offer (sent above), as Janus expects them; later ones as they come.
      local.attach(publisher);
      joined = await answer;
      if (current.cancelled) return;
      if (joined.jsep) await pc.setRemoteDescription(joined.jsep);
    } else {
      joined = await publisher.message({ request: 'join', ptype: 'publisher', ...identity, ...access });
    }
    if (current.cancelled) return;
    ids.privateId = Number(joined.plugindata?.data.private_id ?? 0) || undefined;
    update({ status: 'joined', error: null });
    const early = ids.early ?? [];
    ids.early = null;
    for (const feed of [...feedsOf(joined), ...early]) void subscribeTo(current, target, feed, ids.privateId);
  }

  function onPublisherEvent(
    current: Attempt,
    target: RoomAccess,
    message: JanusMessage,
    privateId: () => number | undefined,
    subscribe: boolean,
  ): void {
    if (current.cancelled) return;
    if (message.janus === 'hangup') return scheduleRejoin(current, 'publisher hung up');
    const data = message.plugindata?.data;
    if (!data) return;
    for (const feed of feedsOf(message)) {
      const known = current.remotes.get(feed.id);
      if (known) {
        known.hasVideo = hasStream(feed, 'video');
        known.hasAudio = hasStream(feed, 'audio');
        publishRemotes(current);
      } else if (subscribe) void subscribeTo(current, target, feed, privateId());
    }
    // Janus announces a participant the server kicked (moved to another table, removed) as `kicked`.
    for (const key of ['leaving', 'unpublished', 'kicked'] as const) {
      const id = data[key];
      if (typeof id === 'number') removeRemote(current, id);
    }
    if (data.leaving === 'ok' && data.reason === 'kicked') {
      teardown(current);
      update({ status: 'kicked', remotes: [] });
    }
    if (data.videoroom === 'destroyed') scheduleRejoin(current, 'room destroyed');
  }

  function removeRemote(current: Attempt, id: number): void {
    const remote = current.remotes.get(id);
    if (!remote) return;
    current.remotes.delete(id);
    remote.pc.close();
    void remote.handle.detach();
    publishRemotes(current);
  }

  async function subscribeTo(current: Attempt, target: RoomAccess, feed: Feed, privateId: number | undefined): Promise<void> {
    if (current.cancelled || current.remotes.has(feed.id) || current.subscribing.has(feed.id) || !current.session) return;
    if (feed.streams && feed.streams.filter((s) => !s.disabled).length === 0) return;
    current.subscribing.add(feed.id);
    const handle = await current.session.attach(VIDEOROOM).finally(() => current.subscribing.delete(feed.id));
    const pc = new RTCPeerConnection(rtcConfigOf(target));
    const stream = new MediaStream();
    const remote = {
      feedId: feed.id,
      display: feed.display,
      stream,
      hasVideo: hasStream(feed, 'video'),
      hasAudio: hasStream(feed, 'audio'),
      audioLevel: 0,
      pc,
      handle,
    };
    if (current.cancelled) {
      pc.close();
      return;
    }
    current.remotes.set(feed.id, remote);
    watchPeer(current, pc, 'subscriber');
    pc.ontrack = (event) => {
      stream.addTrack(event.track);
      publishRemotes(current);
    };
    wireTrickle(pc, handle);
    handle.onEvent = (message) => {
      const data = message.plugindata?.data;
      if (message.janus === 'hangup' || data?.videoroom === 'destroyed') removeRemote(current, feed.id);
    };
    try {
      const body: Record<string, unknown> = { request: 'join', ptype: 'subscriber', room: target.room, streams: [{ feed: feed.id }] };
      if (target.pin) body.pin = target.pin;
      if (target.roomToken) body.token = target.roomToken;
      if (privateId) body.private_id = privateId;
      const attached = await handle.message(body);
      if (!attached.jsep || current.cancelled) throw new JanusError(0, 'no offer for the subscription');
      await pc.setRemoteDescription(attached.jsep);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await handle.message({ request: 'start' }, answer);
      publishRemotes(current);
    } catch (error) {
      if (current.cancelled) return;
      // The publisher left while we subscribed (error 428 "no such feed"): just forget it.
      removeRemote(current, feed.id);
      if (!(error instanceof JanusError) || error.code !== 428) console.warn('subscription failed', error);
    }
  }

  // Audio levels for the active-speaker highlight, read from the RTP headers (no decoding).
  const levelTimer = setInterval(() => {
    const current = attempt;
    if (!current || current.remotes.size === 0) return;
    let changed = false;
    for (const remote of current.remotes.values()) {
      const receiver = remote.pc.getReceivers().find((r) => r.track.kind === 'audio');
      const level = receiver?.getSynchronizationSources?.()[0]?.audioLevel ?? 0;
      if (Math.abs(level - remote.audioLevel) > 0.01) {
        remote.audioLevel = level;
        changed = true;
      }
    }
    if (changed) publishRemotes(current);
  }, 300);

  return {
    join,
    setLocalStream(stream) {
      if (stream === localStream) return;
      localStream = stream;
      const pc = attempt?.publisherPc;
      const senders = pc?.getSenders() ?? [];
      const tracks = stream?.getTracks() ?? [];
      const fits = pc && tracks.every((t) => senders.some((s) => s.track?.kind === t.kind || kindOf(pc, s) === t.kind));
      if (pc && fits) {
        for (const sender of senders) void sender.replaceTrack(tracks.find((t) => t.kind === kindOf(pc, sender)) ?? null);
      } else if (access?.publish && state.status !== 'idle') {
        // Nothing published yet, or a device kind was added: publish again from scratch.
        join(access);
      }
    },
    setVideoSending(sending) {
      const pc = attempt?.publisherPc;
      const track = localStream?.getVideoTracks()[0] ?? null;
      if (track) track.enabled = sending;
      const sender = pc?.getSenders().find((s) => kindOf(pc, s) === 'video');
      // No frames at all (not black ones) while the camera is off: the others see the "camera off" state.
      void sender?.replaceTrack(sending ? track : null);
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearInterval(levelTimer);
      join(null);
      listeners.clear();
    },
  };
}

function kindOf(pc: RTCPeerConnection, sender: RTCRtpSender): string | undefined {
  return sender.track?.kind ?? pc.getTransceivers().find((t) => t.sender === sender)?.receiver.track.kind;
}

function rtcConfigOf(target: RoomAccess): RTCConfiguration {
  return { iceServers: target.iceServers ?? [], iceTransportPolicy: target.iceTransportPolicy ?? 'all', bundlePolicy: 'max-bundle' };
}

function feedsOf(message: JanusMessage): Feed[] {
  const publishers = message.plugindata?.data.publishers;
  return Array.isArray(publishers) ? (publishers as Feed[]) : [];
}

function hasStream(feed: Feed, type: 'audio' | 'video'): boolean {
  if (!feed.streams) return true;
  return feed.streams.some((s) => s.type === type && !s.disabled);
}

/** Janus VideoRoom codes that retrying cannot fix: unauthorized (433: wrong pin or token) and the core 403. A missing room (426) may come back (Janus restart), so it is retried. */
function isRefusal(code: number): boolean {
  return code === 403 || code === 433;
}
