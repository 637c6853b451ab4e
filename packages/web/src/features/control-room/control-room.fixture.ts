import { lobbySnapshot, type LiveHelpRequest, type LivePresence, type LiveSnapshot, type LiveTableView, type LiveTimer } from '@tablehop/protocol';

/** Test data: a host's snapshot of a running round at the size of the story (17 tables of 6 + a moderator). */

export const NOW = Date.parse('2026-12-04T09:00:00Z');

export const roundTimer: LiveTimer = {
  phase: 'round',
  round: 2,
  rounds: 4,
  startedAt: NOW - 120_000,
  endsAt: NOW + 600_000,
  pausedRemainingMs: null,
};

export const participantId = (table: number, seat: number) => `p-${table}-${seat}`;
export const moderatorId = (table: number) => `m-${table}`;

/**
 * 17 tables of 6, all connected, each with a connected moderator, except:
 * - table 3: no moderator;
 * - table 5: its moderator's page closed 5 minutes ago;
 * - table 8: two participants missing (one reconnecting, one gone for minutes);
 * - table 11: an open help request.
 * Plus two participants who never came (no-shows) and one moderator without a table.
 */
export function seventeenTables(): LiveSnapshot {
  const tables: LiveTableView[] = [];
  const presence: LivePresence[] = [
    { personId: 'host-1', role: 'host', name: 'Hanne Host', connected: true, since: NOW - 3_600_000, connections: 1 },
  ];
  for (let table = 1; table <= 17; table++) {
    const participants = [];
    for (let seat = 1; seat <= 6; seat++) {
      const id = participantId(table, seat);
      const gone = table === 8 && seat <= 2;
      participants.push({
        personId: id,
        name: `Person ${table}.${seat}`,
        company: `Company ${table}${seat}`,
        sector: 'ict',
        jobTitle: 'CEO',
        offer: '',
        lookingFor: '',
        connected: !gone,
      });
      presence.push({
        personId: id,
        role: 'participant',
        name: `Person ${table}.${seat}`,
        connected: !gone,
        since: gone ? NOW - (seat === 1 ? 20_000 : 300_000) : NOW - 1_800_000,
        connections: gone ? 0 : 1,
      });
    }
    const modConnected = table !== 5;
    tables.push({
      table,
      moderator: table === 3 ? null : { personId: moderatorId(table), name: `Moderator ${table}`, connected: modConnected },
      participants,
    });
    presence.push({
      personId: moderatorId(table),
      role: 'moderator',
      name: `Moderator ${table}`,
      connected: modConnected,
      since: modConnected ? NOW - 1_800_000 : NOW - 300_000,
      connections: modConnected ? 1 : 0,
    });
  }
  // Moderator 3 has no table: connected, free to take one.
  presence.push({ personId: 'p-noshow-1', role: 'participant', name: 'Nora Noshow', connected: false, since: 0, connections: 0 });
  presence.push({ personId: 'p-noshow-2', role: 'participant', name: 'Nico Noshow', connected: false, since: 0, connections: 0 });
  presence.push({
    personId: 'p-removed',
    role: 'participant',
    name: 'Rik Removed',
    connected: false,
    since: NOW - 900_000,
    connections: 0,
    removed: true,
  });
  const help: LiveHelpRequest[] = [
    {
      id: 'h-1',
      moderatorId: moderatorId(11),
      moderatorName: 'Moderator 11',
      round: 2,
      table: 11,
      text: 'Someone has no sound',
      status: 'open',
      answer: null,
      createdAt: NOW - 90_000,
    },
    {
      id: 'h-0',
      moderatorId: moderatorId(2),
      moderatorName: 'Moderator 2',
      round: 1,
      table: 2,
      text: 'Old question',
      status: 'closed',
      answer: null,
      createdAt: NOW - 2_000_000,
    },
  ];
  return lobbySnapshot({
    editionId: 'ed-1',
    you: { personId: 'host-1', role: 'host', name: 'Hanne Host' },
    timer: roundTimer,
    help,
    staff: {
      tables,
      presence,
      flags: [],
      lateJoiners: [{ personId: participantId(14, 6), role: 'participant', name: 'Person 14.6', round: 2, table: 14, at: NOW - 60_000 }],
    },
  });
}
