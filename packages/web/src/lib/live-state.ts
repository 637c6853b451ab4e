import { MAX_CHAT_MESSAGES, type LiveChatMessage, type LiveEvent, type LiveMuteBy, type LiveSnapshot } from '@tablehop/protocol';

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
    case 'seat_assigned': {
      // Mutes are per round and per table: keep those of people still at the table in the same round.
      const seat = event.seat;
      const keep = new Set(seat && seat.round === snapshot.seat?.round ? [seat.moderator?.personId, ...seat.cards.map((c) => c.personId)] : []);
      keep.add(snapshot.you.personId);
      const mutes = seat && seat.round === snapshot.seat?.round ? snapshot.mutes.filter((m) => keep.has(m.personId)) : [];
      // The chat belongs to one table in one round: a new table comes with its chat (or starts empty).
      const sameTable = seat !== null && seat.round === snapshot.seat?.round && seat.table === snapshot.seat.table;
      const chat = event.chat ?? (sameTable ? (snapshot.chat ?? []) : []);
      return { ...snapshot, seat, next: event.next, mutes, chat };
    }
    case 'chat_message': {
      const { message } = event;
      const seat = snapshot.seat;
      if (!seat || seat.round !== message.round || seat.table !== message.table) return snapshot;
      const chat = snapshot.chat ?? [];
      if (chat.some((m) => m.id === message.id)) return snapshot;
      return { ...snapshot, chat: [...chat, message].slice(-MAX_CHAT_MESSAGES) };
    }
    case 'mute_changed': {
      const others = snapshot.mutes.filter((m) => m.personId !== event.personId);
      return { ...snapshot, mutes: event.muted ? [...others, { personId: event.personId, by: event.by }] : others };
    }
    case 'broadcast':
      if (snapshot.broadcasts.some((b) => b.id === event.broadcast.id)) return snapshot;
      return { ...snapshot, broadcasts: [...snapshot.broadcasts, event.broadcast].slice(-keptBroadcasts) };
    case 'media_assigned':
      return { ...snapshot, media: event.assignment };
    case 'note_saved':
      return { ...snapshot, notes: event.text };
    case 'icebreakers_changed':
      return { ...snapshot, icebreakers: event.icebreakers };
    case 'help_updated': {
      const others = snapshot.help.filter((h) => h.id !== event.request.id);
      return { ...snapshot, help: [...others, event.request] };
    }
    default:
      return snapshot;
  }
}

/** Who muted a person now (`self`, `moderator`, `host`), or null when its microphone is on. */
export function muteOf(snapshot: LiveSnapshot, personId: string): LiveMuteBy | null {
  return snapshot.mutes.find((m) => m.personId === personId)?.by ?? null;
}

/** The chat of the actor's table, oldest first (empty without a table or from a server without chat). */
export function chatOf(snapshot: LiveSnapshot): LiveChatMessage[] {
  return snapshot.seat ? (snapshot.chat ?? []) : [];
}
