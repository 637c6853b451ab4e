import { describe, expect, test } from 'vitest';
import { applyStaffEvent, keptLateJoiners } from './staff-state.logic';
import { NOW, participantId, roundTimer, seventeenTables } from './control-room.fixture';

describe('applyStaffEvent', () => {
  test('replaces only the changed tables, or all of them on a new round', () => {
    const snapshot = seventeenTables();
    const three = { table: 3, moderator: { personId: 'm-3', name: 'Moderator 3', connected: true }, participants: [] };
    const next = applyStaffEvent(snapshot, { type: 'tables_changed', round: 2, full: false, tables: [three] });
    expect(next.staff!.tables).toHaveLength(17);
    expect(next.staff!.tables[2]).toEqual(three);
    expect(next.staff!.tables[3]).toBe(snapshot.staff!.tables[3]);
    const full = applyStaffEvent(snapshot, { type: 'tables_changed', round: 3, full: true, tables: [three] });
    expect(full.staff!.tables).toEqual([three]);
  });

  test('a presence change updates the person’s presence and its dot at the table', () => {
    const snapshot = seventeenTables();
    const id = participantId(8, 1);
    const next = applyStaffEvent(snapshot, {
      type: 'presence_changed',
      presence: { personId: id, role: 'participant', name: 'Person 8.1', connected: true, since: NOW, connections: 1 },
    });
    expect(next.staff!.presence.find((p) => p.personId === id)?.connected).toBe(true);
    expect(next.staff!.tables[7]!.participants[0]!.connected).toBe(true);
    expect(next.staff!.tables[0]).toBe(snapshot.staff!.tables[0]);
    // A moderator's dot too.
    const mod = applyStaffEvent(snapshot, {
      type: 'presence_changed',
      presence: { personId: 'm-5', role: 'moderator', name: 'Moderator 5', connected: true, since: NOW, connections: 1 },
    });
    expect(mod.staff!.tables[4]!.moderator?.connected).toBe(true);
  });

  test('a removed person stays removed when its connection closes afterwards', () => {
    let next = applyStaffEvent(seventeenTables(), {
      type: 'presence_changed',
      presence: { personId: 'p-noshow-1', role: 'participant', name: 'Nora', connected: true, since: NOW, connections: 1, removed: true },
    });
    next = applyStaffEvent(next, {
      type: 'presence_changed',
      presence: { personId: 'p-noshow-1', role: 'participant', name: 'Nora', connected: false, since: NOW, connections: 0 },
    });
    expect(next.staff!.presence.find((p) => p.personId === 'p-noshow-1')).toMatchObject({ connected: false, removed: true });
  });

  test('keeps flags once and the newest late joiners', () => {
    const flag = { id: 'f-1', kind: 'problem', moderatorId: 'm-2', personId: null, round: 2, table: 2, text: 'noise', createdAt: NOW } as const;
    let next = applyStaffEvent(seventeenTables(), { type: 'flag_raised', flag });
    next = applyStaffEvent(next, { type: 'flag_raised', flag });
    expect(next.staff!.flags).toEqual([flag]);
    for (let i = 0; i < keptLateJoiners + 3; i++)
      next = applyStaffEvent(next, {
        type: 'late_joiner',
        arrival: { personId: `l${i}`, role: 'participant', name: `L${i}`, round: 2, table: 1, at: i },
      });
    expect(next.staff!.lateJoiners).toHaveLength(keptLateJoiners);
    expect(next.staff!.lateJoiners!.at(-1)!.personId).toBe(`l${keptLateJoiners + 2}`);
  });

  test('drops the tables when the rounds are over, and still applies the timer and help as every page does', () => {
    const next = applyStaffEvent(seventeenTables(), { type: 'timer_changed', timer: { ...roundTimer, phase: 'closing' } });
    expect(next.timer.phase).toBe('closing');
    expect(next.staff!.tables).toEqual([]);
    const moving = applyStaffEvent(seventeenTables(), { type: 'timer_changed', timer: { ...roundTimer, phase: 'moving', round: 3 } });
    expect(moving.staff!.tables).toHaveLength(17);
    const help = applyStaffEvent(seventeenTables(), {
      type: 'help_updated',
      request: {
        id: 'h-1',
        moderatorId: 'm-11',
        moderatorName: 'Moderator 11',
        round: 2,
        table: 11,
        text: 'x',
        status: 'closed',
        answer: null,
        createdAt: NOW,
      },
    });
    expect(help.help.find((h) => h.id === 'h-1')?.status).toBe('closed');
  });
});
