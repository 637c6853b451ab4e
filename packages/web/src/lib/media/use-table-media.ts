import { useEffect, useRef, useState } from 'react';
import type { MediaAssignment } from '@tablehop/protocol';
import { roomAccessOf, sameRoomAccess } from './room-access';
import { createTableMedia, type RoomAccess, type TableMedia, type TableMediaState } from './table-media';

/**
 * React view of `createTableMedia`: joins the room of the latest media assignment (leaving the old
 * one), keeps publishing `localStream`, and re-renders on every change of the room's feeds.
 */
export function useTableMedia(
  assignment: MediaAssignment | null,
  localStream: MediaStream | null,
  enabled: boolean,
): TableMediaState & { setVideoSending(sending: boolean): void } {
  const media = useRef<TableMedia | null>(null);
  const joined = useRef<RoomAccess | null>(null);
  const [state, setState] = useState<TableMediaState>({ status: 'idle', room: null, remotes: [], error: null, rejoins: 0 });

  useEffect(() => {
    const created = createTableMedia({ localStream });
    media.current = created;
    const off = created.subscribe(setState);
    return () => {
      off();
      created.close();
      media.current = null;
      joined.current = null;
    };
    // The client lives as long as the page (the first stream only seeds it; later ones are handed over below).
  }, []);

  useEffect(() => {
    media.current?.setLocalStream(localStream);
  }, [localStream]);

  const access = enabled && assignment?.media ? roomAccessOf(assignment.media) : null;
  useEffect(() => {
    if (!media.current || sameRoomAccess(joined.current, access)) return;
    joined.current = access;
    media.current.join(access);
  });

  return { ...state, setVideoSending: (sending) => media.current?.setVideoSending(sending) };
}
