import type { EditionStatus } from '@tablehop/protocol';
import type { PromotionMode } from '../registration/registration.logic.js';
import type { EventFormat } from '../series/series.types.js';

/** One date of a series, with its own capacity, status and registration window. */
export interface Edition {
  id: string;
  seriesId: string;
  seriesName: string;
  description: string;
  language: 'nl' | 'en';
  timeZone: string;
  startsAt: Date;
  durationMinutes: number;
  status: EditionStatus;
  capacityOverride: number | null;
  format: EventFormat;
  promotionMode: PromotionMode;
  offerHours: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  moderatorCount: number;
  createdAt: Date;
  /** Icebreaker prompts, one per round (copied from the series when the edition is created). */
  icebreakers: string[];
}

/** Live seat figures of an edition. */
export interface EditionCounts {
  confirmed: number;
  offered: number;
  waitlisted: number;
  cancelled: number;
}
