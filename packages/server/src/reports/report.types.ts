import type { EditionStatus, Language, LiveFlag, LiveHelpRequest, RegistrationStatus } from '@tablehop/protocol';
import type { SeatingRow } from '../live/live.store.js';

/** The rows the reports are computed from, as `ReportsStore` loads them. */

export interface ReportEdition {
  id: string;
  seriesId: string;
  seriesName: string;
  timeZone: string;
  language: Language;
  startsAt: Date;
  status: EditionStatus;
  capacity: number;
  /** Rounds of the format (the live state may have added or dropped some: see `ReportLive.rounds`). */
  rounds: number;
  groupSize: number;
  moderatorMode: 'rotate' | 'fixed';
}

export interface ReportRegistration {
  id: string;
  editionId: string;
  /** Who this is across the editions of a series: `lower(email)`; a removed (anonymized) person is only itself. */
  identity: string;
  name: string;
  email: string;
  company: string;
  sector: string;
  jobTitle: string;
  linkedinUrl: string;
  language: Language;
  status: RegistrationStatus;
  shareContact: boolean;
  /** Was ever on the waiting list (`waitlist_seq` is kept when a seat is given). */
  waitlisted: boolean;
  source: 'self' | 'organizer';
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
}

export interface ReportSeating extends SeatingRow {
  editionId: string;
}

export interface ReportFeedback {
  editionId: string;
  registrationId: string | null;
  moderatorId: string | null;
  rating: number;
  recommend: number | null;
  comment: string;
  createdAt: Date;
}

/** One person's wish to exchange contact details with someone they met. */
export interface ReportContactRequest {
  from: string;
  to: string;
}

/** What the live state of an edition keeps that the report shows. */
export interface ReportLive {
  rounds: number;
  notes: Readonly<Record<string, string>>;
  help: readonly LiveHelpRequest[];
  flags: readonly LiveFlag[];
}

export interface ReportStaff {
  id: string;
  name: string;
  email: string;
}
