import type { Language } from '@tablehop/protocol';
import type { PromotionMode } from '../registration/registration.logic.js';

/** How a morning runs: group size, rounds and their lengths, and what moderators do between rounds. */
export interface EventFormat {
  groupSize: number;
  rounds: number;
  roundMinutes: number;
  plenaryMinutes: number;
  moderatorMode: 'rotate' | 'fixed';
}

/** A recurring event, e.g. "Virtual Friday, every Friday 09:30 for 90 minutes". */
export interface Series {
  id: string;
  name: string;
  description: string;
  language: Language;
  timeZone: string;
  weekday: number;
  startTime: string;
  durationMinutes: number;
  format: EventFormat;
  /** null: each edition holds (assigned moderators x group size) seats. */
  defaultCapacity: number | null;
  promotionMode: PromotionMode;
  offerHours: number;
  registrationOpensDays: number;
  createdAt: Date;
  /** Icebreaker prompts, one per round: the default of new editions. */
  icebreakers: string[];
}
