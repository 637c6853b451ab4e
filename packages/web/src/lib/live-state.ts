import type { LiveEvent, LiveSnapshot } from '@tablehop/protocol';

/** How many broadcasts a participant's page keeps (the newest). */
export const keptBroadcasts = 20;

/**
 * Applies one live event to the participant's (or moderator's) snapshot: the page keeps one
 * snapshot and folds every event into it, so a reconnection's fresh snapshot simply replaces it.
 * Staff-only events leave the snapshot as it is.
 */
export function applyLiveEvent(snapshot: LiveSnapshot, event: LiveEvent): LiveSnapshot {
  switch (event.type) {
    case 'timer_changed':
      return { ...snapshot, timer: event.timer };
    case 'seat_assigned':
      return { ...snapshot, seat: event.seat, next: event.next };
    case 'broadcast':
      if (snapshot.broadcasts.some((b) => b.id === event.broadcast.id)) return snapshot;
      return { ...snapshot, broadcasts: [...snapshot.broadcasts, event.broadcast].slice(-keptBroadcasts) };
    case 'media_assigned':
      return { ...snapshot, media: event.assignment };
    case 'note_saved':
      return { ...snapshot, notes: event.text };
    case 'help_updated': {
      const others = snapshot.help.filter((h) => h.id !== event.request.id);
      return { ...snapshot, help: [...others, event.request] };
    }
    default:
      return snapshot;
  }
}
