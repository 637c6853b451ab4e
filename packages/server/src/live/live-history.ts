import type { HistoryPair } from '@tablehop/matching';
import type { Sql } from '../db/sql.js';
import type { LiveStore } from './live.store.js';

/**
 * The pairs of earlier editions a live edition plans with (SPEC M6), kept per loaded edition.
 * Loaded for everyone confirmed when the live state is loaded; people confirmed later (promoted
 * from the waiting list after the doors opened, say) get theirs when they first authenticate,
 * before anything can seat them. One small query per newcomer, never inside the seating code.
 */
export interface LiveHistory {
  /** The pairs known now. A new array replaces the old one when pairs are added (never mutated). */
  pairs(): readonly HistoryPair[];
  /** Loads the pairs of these registrations unless that was done; returns at once when nobody is new. */
  cover(registrationIds: readonly string[]): Promise<void>;
}

/**
 * @param loaded the pairs loaded with the live state
 * @param coveredIds the registrations those pairs were loaded for
 * @param onError a failed load is reported here and retried at the next `cover`: nobody is kept out of the event for it
 */
export function createLiveHistory(
  store: Pick<LiveStore, 'loadHistory'>,
  db: Sql,
  editionId: string,
  loaded: readonly HistoryPair[],
  coveredIds: Iterable<string>,
  onError: (error: unknown) => void,
): LiveHistory {
  let pairs: readonly HistoryPair[] = loaded;
  const keyOf = (h: HistoryPair): string => (h.a < h.b ? `${h.a}|${h.b}|${h.date}` : `${h.b}|${h.a}|${h.date}`);
  const known = new Set(loaded.map(keyOf));
  const covered = new Set(coveredIds);
  const pending = new Map<string, Promise<void>>();

  async function load(ids: readonly string[]): Promise<void> {
    try {
      const found = await store.loadHistory(db, editionId, ids);
      // A person confirmed while the state was loading may be in both loads: keep each pair once.
      const fresh = found.filter((h) => !known.has(keyOf(h)));
      for (const h of fresh) known.add(keyOf(h));
      if (fresh.length > 0) pairs = [...pairs, ...fresh];
      for (const id of ids) covered.add(id);
    } catch (error) {
      onError(error);
    } finally {
      for (const id of ids) pending.delete(id);
    }
  }

  return {
    pairs: () => pairs,
    async cover(registrationIds) {
      const fresh = [...new Set(registrationIds)].filter((id) => !covered.has(id) && !pending.has(id));
      if (fresh.length > 0) {
        const loading = load(fresh);
        for (const id of fresh) pending.set(id, loading);
      }
      await Promise.all(registrationIds.map((id) => pending.get(id)));
    },
  };
}
