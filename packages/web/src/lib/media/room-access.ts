import type { MediaCredentials } from '@tablehop/protocol';
import type { RoomAccess } from './table-media';

/** The media client's view of the credentials the live protocol hands out (`media.ts` of the protocol). */
export function roomAccessOf(credentials: MediaCredentials): RoomAccess {
  const { room, ice } = credentials;
  return {
    url: room.janusUrl,
    room: room.roomId,
    pin: room.pin,
    roomToken: room.token,
    ...(room.apiToken ? { janusToken: room.apiToken } : {}),
    display: room.display,
    feedId: room.feedId,
    bitrateCap: room.bitrateCap,
    iceServers: ice.iceServers,
    iceTransportPolicy: ice.iceTransportPolicy,
    publish: room.publisher,
  };
}

/** Two credentials lead to the same room session (a new snapshot with the same room must not rejoin). */
export function sameRoomAccess(a: RoomAccess | null, b: RoomAccess | null): boolean {
  if (!a || !b) return a === b;
  return a.url === b.url && a.room === b.room && a.roomToken === b.roomToken && a.pin === b.pin && a.feedId === b.feedId && a.publish === b.publish;
}
