import type { HistoryPair, Moderator, Participant } from '../types.js';

/** The `--input FILE` document: participants, moderators, history and never-together pairs. */
export interface InputDocument {
  readonly participants: Participant[];
  readonly moderators: Moderator[];
  readonly history: HistoryPair[];
  readonly neverTogether: [string, string][];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

/** Validates the parsed JSON of an input file; extra fields are allowed and ignored. */
export function readInput(data: unknown): { ok: true; input: InputDocument } | { ok: false; reason: string } {
  if (!isObject(data)) return { ok: false, reason: 'input must be a JSON object' };
  const list = (name: string): unknown[] | string => {
    const v = data[name];
    if (v === undefined) return [];
    return Array.isArray(v) ? v : `input field ${name} must be an array`;
  };
  const participants = list('participants');
  const moderators = list('moderators');
  const history = list('history');
  const neverTogether = list('neverTogether');
  for (const v of [participants, moderators, history, neverTogether]) if (typeof v === 'string') return { ok: false, reason: v };
  const out: InputDocument = { participants: [], moderators: [], history: [], neverTogether: [] };
  for (const [i, p] of (participants as unknown[]).entries()) {
    if (!isObject(p) || typeof p.id !== 'string' || !optionalString(p.company) || !optionalString(p.sector)) {
      return { ok: false, reason: `participants[${i}] needs a string id and optional string company and sector` };
    }
    out.participants.push({
      id: p.id,
      ...(typeof p.company === 'string' ? { company: p.company } : {}),
      ...(typeof p.sector === 'string' ? { sector: p.sector } : {}),
    });
  }
  for (const [i, m] of (moderators as unknown[]).entries()) {
    if (!isObject(m) || typeof m.id !== 'string') return { ok: false, reason: `moderators[${i}] needs a string id` };
    out.moderators.push({ id: m.id });
  }
  for (const [i, h] of (history as unknown[]).entries()) {
    if (!isObject(h) || typeof h.a !== 'string' || typeof h.b !== 'string' || typeof h.date !== 'string') {
      return { ok: false, reason: `history[${i}] needs string fields a, b and date` };
    }
    out.history.push({ a: h.a, b: h.b, date: h.date });
  }
  for (const [i, pair] of (neverTogether as unknown[]).entries()) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      return { ok: false, reason: `neverTogether[${i}] must be a pair of ids` };
    }
    out.neverTogether.push([pair[0], pair[1]]);
  }
  if (out.participants.length === 0) return { ok: false, reason: 'input has no participants' };
  return { ok: true, input: out };
}
