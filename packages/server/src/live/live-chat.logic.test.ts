import { describe, expect, test } from 'vitest';
import { MAX_CHAT_MESSAGES } from '@tablehop/protocol';
import { chatOf, decideChat } from './live-chat.logic.js';
import { createLiveState, type LiveState } from './live.logic.js';
import type { LiveActor } from './live.types.js';

const format = {
  groupSize: 3,
  rounds: 2,
  roundMinutes: 12,
  plenaryMinutes: 10,
  moderatorMode: 'rotate' as const,
  movingSeconds: 30,
  doorsOpenMinutes: 15,
};
const seated: LiveState = {
  ...createLiveState('e1', format, 0),
  phase: 'round',
  round: 1,
  tables: [
    { moderator: 'm1', participants: ['a', 'b'] },
    { moderator: 'm2', participants: ['c', 'd'] },
  ],
};
const actor = (personId: string, role: LiveActor['role'] = 'participant'): LiveActor => ({
  editionId: 'e1',
  role,
  personId,
  displayName: personId.toUpperCase(),
});
const tableIndex = (state: LiveState, id: string) => state.tables!.findIndex((t) => t.moderator === id || t.participants.includes(id));

function send(state: LiveState, who: LiveActor, text: string, now = 1000): LiveState {
  const decision = decideChat(state, who, text, tableIndex(state, who.personId), now);
  if (!decision.ok) throw new Error(decision.reason);
  return decision.state;
}

describe('table chat (pure)', () => {
  test('a message lands in the chat of the sender’s table only, with a notice for that table', () => {
    const decision = decideChat(seated, actor('a'), 'hello', 0, 5000);
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.notices).toEqual([
      { kind: 'chat', message: { id: 'c-1', round: 1, table: 1, personId: 'a', name: 'A', role: 'participant', text: 'hello', at: 5000 } },
    ]);
    expect(chatOf(decision.state, 1).map((m) => m.text)).toEqual(['hello']);
    expect(chatOf(decision.state, 2)).toEqual([]);
  });

  test('the moderator writes in its own table’s chat', () => {
    const state = send(send(seated, actor('c'), 'hi'), actor('m2', 'moderator'), 'welcome');
    expect(chatOf(state, 2).map((m) => [m.name, m.role])).toEqual([
      ['C', 'participant'],
      ['M2', 'moderator'],
    ]);
    expect(chatOf(state, 1)).toEqual([]);
  });

  test.each([
    ['someone not seated', { ...seated }, actor('z'), 'ERR_CONFLICT'],
    ['the plenary', { ...seated, phase: 'plenary' as const, tables: null }, actor('a'), 'ERR_CONFLICT'],
    ['a host', seated, actor('h', 'host'), 'ERR_FORBIDDEN'],
  ])('refuses %s', (_name, state, who, code) => {
    const decision = decideChat(state, who, 'x', tableIndex(state.tables ? state : seated, who.personId), 0);
    expect(decision).toMatchObject({ ok: false, code });
  });

  test(`keeps the newest ${MAX_CHAT_MESSAGES} messages of a table`, () => {
    let state = seated;
    for (let i = 0; i < MAX_CHAT_MESSAGES + 5; i++) state = send(state, actor('a'), `m${i}`);
    const chat = chatOf(state, 1);
    expect(chat).toHaveLength(MAX_CHAT_MESSAGES);
    expect(chat[0]!.text).toBe('m5');
    expect(chat.at(-1)!.text).toBe(`m${MAX_CHAT_MESSAGES + 4}`);
  });

  test('a new round starts with empty chats, and its first message drops the old round’s', () => {
    const round1 = send(seated, actor('a'), 'round one');
    const round2: LiveState = {
      ...round1,
      round: 2,
      tables: [
        { moderator: 'm1', participants: ['a', 'c'] },
        { moderator: 'm2', participants: ['b', 'd'] },
      ],
    };
    expect(chatOf(round2, 1)).toEqual([]);
    const next = send(round2, actor('b'), 'round two');
    expect(chatOf(next, 2).map((m) => m.text)).toEqual(['round two']);
    expect(next.chat?.tables['1']).toBeUndefined();
  });
});
