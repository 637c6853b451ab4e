import type { ManageView } from '../../lib/api-types';

export type LiveStage = 'scheduled' | 'open' | 'ended';

/** What the manage page shows and allows right now. */
export interface ManageState {
  stage: LiveStage;
  doorsOpenAt: string;
  doorsOpenMinutes: number;
  /** The personal join button: a confirmed seat while the doors are open. */
  showJoin: boolean;
  showCalendar: boolean;
  canCancel: boolean;
  canAccept: boolean;
  /** An offer whose deadline passed on this page (the server expires it within a minute). */
  offerPassed: boolean;
  /** When the page should look again (doors open, planned end, offer deadline); null: nothing coming. */
  nextChangeAt: number | null;
}

const MINUTE = 60_000;
/** The live engine's default, for answers of servers that do not send `live` yet. */
const DEFAULT_DOORS_OPEN_MINUTES = 15;

/**
 * The stage comes from the server (`view.live`); the clock moves it on while the page stays open:
 * `scheduled` becomes `open` at `doorsOpenAt`, `open` becomes `ended` at the planned end unless the
 * host is still running the event (edition status `live`).
 */
export function manageStateOf(view: ManageView, now: number): ManageState {
  const { registration, edition } = view;
  const startsAt = Date.parse(edition.startsAt);
  const endsAt = Date.parse(edition.endsAt);
  const doorsOpenMinutes = view.live?.doorsOpenMinutes ?? DEFAULT_DOORS_OPEN_MINUTES;
  const doorsOpenAt = view.live?.doorsOpenAt ?? new Date(startsAt - doorsOpenMinutes * MINUTE).toISOString();
  let stage: LiveStage =
    view.live?.stage ?? (edition.status === 'ended' ? 'ended' : edition.status === 'live' ? 'open' : now >= endsAt ? 'ended' : 'scheduled');
  if (stage === 'scheduled' && now >= Date.parse(doorsOpenAt)) stage = 'open';
  if (stage === 'open' && edition.status !== 'live' && now >= endsAt) stage = 'ended';

  const status = registration.status;
  const active = status === 'confirmed' || status === 'waitlisted' || status === 'offered';
  const offerDeadline = registration.offerExpiresAt ? Date.parse(registration.offerExpiresAt) : null;
  const offerPassed = status === 'offered' && offerDeadline !== null && now >= offerDeadline;

  const upcoming: number[] = [];
  if (stage === 'scheduled') upcoming.push(Date.parse(doorsOpenAt));
  if (stage === 'open' && edition.status !== 'live') upcoming.push(endsAt);
  if (status === 'offered' && offerDeadline !== null && !offerPassed) upcoming.push(offerDeadline);

  return {
    stage,
    doorsOpenAt,
    doorsOpenMinutes,
    showJoin: status === 'confirmed' && view.joinUrl !== null && stage === 'open',
    showCalendar: status === 'confirmed' && stage !== 'ended',
    canCancel: active && stage !== 'ended',
    canAccept: status === 'offered' && stage !== 'ended' && !offerPassed,
    offerPassed,
    nextChangeAt: upcoming.length > 0 ? Math.min(...upcoming) : null,
  };
}
