import type { LiveEvent, LivePhase, LivePresence, LiveSnapshot, LiveTableView } from '@tablehop/protocol';
import { applyLiveEvent } from '../../lib/live-state';

/** Phases in which a round is seated (the grid shows tables). */
const seatedPhases: ReadonlySet<LivePhase> = new Set(['moving', 'round']);

/** How many late joiners the control room keeps (the newest). */
export const keptLateJoiners = 200;

/**
 * Applies one live event to a host's snapshot: the staff part (tables, presence, flags, late
 * joiners) here, everything else (timer, broadcasts, help, mutes, media) as every page does. A
 * reconnection's fresh snapshot simply replaces the result.
 */
export function applyStaffEvent(snapshot: LiveSnapshot, event: LiveEvent): LiveSnapshot {
  const next = applyLiveEvent(snapshot, event);
  const staff = next.staff;
  if (!staff) return next;
  switch (event.type) {
    case 'tables_changed': {
      if (event.full) return { ...next, staff: { ...staff, tables: sortTables(event.tables) } };
      const changed = new Map(event.tables.map((t) => [t.table, t]));
      const kept = staff.tables.filter((t) => !changed.has(t.table));
      return { ...next, staff: { ...staff, tables: sortTables([...kept, ...event.tables]) } };
    }
    case 'timer_changed':
      // The rounds are over (closing, ended) or not seated yet: no tables to show.
      return seatedPhases.has(event.timer.phase) || staff.tables.length === 0 ? next : { ...next, staff: { ...staff, tables: [] } };
    case 'presence_changed': {
      const presence = upsertPresence(staff.presence, event.presence);
      return { ...next, staff: { ...staff, presence, tables: withConnected(staff.tables, event.presence) } };
    }
    case 'flag_raised':
      if (staff.flags.some((f) => f.id === event.flag.id)) return next;
      return { ...next, staff: { ...staff, flags: [...staff.flags, event.flag] } };
    case 'late_joiner': {
      const lateJoiners = [...(staff.lateJoiners ?? []), event.arrival].slice(-keptLateJoiners);
      return { ...next, staff: { ...staff, lateJoiners } };
    }
    default:
      return next;
  }
}

function sortTables(tables: LiveTableView[]): LiveTableView[] {
  return [...tables].sort((a, b) => a.table - b.table);
}

function upsertPresence(list: readonly LivePresence[], presence: LivePresence): LivePresence[] {
  const index = list.findIndex((p) => p.personId === presence.personId);
  if (index < 0) return [...list, presence];
  // A presence event after a removal (the connection closing) keeps the removal.
  const merged = list[index]!.removed && presence.removed === undefined ? { ...presence, removed: true } : presence;
  return list.map((p, i) => (i === index ? merged : p));
}

/** The tables with one person's `connected` flag brought up to date (untouched tables keep their object). */
function withConnected(tables: readonly LiveTableView[], presence: LivePresence): LiveTableView[] {
  return tables.map((table) => {
    if (table.moderator?.personId === presence.personId) return { ...table, moderator: { ...table.moderator, connected: presence.connected } };
    if (!table.participants.some((p) => p.personId === presence.personId)) return table;
    return {
      ...table,
      participants: table.participants.map((p) => (p.personId === presence.personId ? { ...p, connected: presence.connected } : p)),
    };
  });
}
