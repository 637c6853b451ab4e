import { MAX_CHAT_MESSAGES, type LiveChatMessage } from '@tablehop/protocol';
import type { LiveActor } from './live.types.js';
import type { LiveDecision, LiveState } from './live.logic.js';

/**
 * The table chat, pure. A table's chat belongs to the running round: messages are kept in the live
 * state per table number (the newest {@link MAX_CHAT_MESSAGES}), so a reconnection's snapshot shows
 * them, and a new round starts with every table's chat empty. Only people seated at a table
 * (participants and its moderator) write to it and receive it; the service delivers a `chat`
 * notice to that table's connections only.
 */
export interface LiveChatState {
  /** The round these messages belong to; messages of another round are not shown. */
  readonly round: number;
  /** Table number (as a string key) -> messages, oldest first. */
  readonly tables: Readonly<Record<string, readonly LiveChatMessage[]>>;
}

/** The chat of table `table` (1-based) in the state's current round, oldest first. */
export function chatOf(state: LiveState, table: number | null): LiveChatMessage[] {
  const chat = state.chat;
  if (table === null || chat === undefined || chat.round !== state.round || state.tables === null) return [];
  return [...(chat.tables[String(table)] ?? [])];
}

/**
 * `send_chat` from `actor`, seated at table index `tableIndex` (-1: not seated). Worked example: in
 * round 2, Ann at table 3 writes "hello": the message `{ round: 2, table: 3, … }` is appended to
 * table 3's chat; Bob at table 4 never receives it, and in round 3 table 3 starts empty again.
 */
export function decideChat(state: LiveState, actor: LiveActor, text: string, tableIndex: number, now: number): LiveDecision {
  if (actor.role === 'host') return { ok: false, code: 'ERR_FORBIDDEN', reason: 'hosts do not sit at a table' };
  if (state.tables === null || tableIndex < 0 || (state.phase !== 'moving' && state.phase !== 'round')) {
    return { ok: false, code: 'ERR_CONFLICT', reason: 'you are not seated at a table' };
  }
  const table = tableIndex + 1;
  const message: LiveChatMessage = {
    id: `c-${state.nextId}`,
    round: state.round,
    table,
    personId: actor.personId,
    name: actor.displayName,
    role: actor.role,
    text,
    at: now,
  };
  const current = state.chat !== undefined && state.chat.round === state.round ? state.chat.tables : {};
  const messages = [...(current[String(table)] ?? []), message].slice(-MAX_CHAT_MESSAGES);
  const chat: LiveChatState = { round: state.round, tables: { ...current, [String(table)]: messages } };
  return { ok: true, state: { ...state, nextId: state.nextId + 1, chat }, notices: [{ kind: 'chat', message }] };
}
