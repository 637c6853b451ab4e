import type { EditionStatus, Language, RegistrationStatus } from '@tablehop/protocol';

// The response shapes of the public and manage-link endpoints (packages/server/src/**/*.dto.ts).
// They live here until the protocol package exports them.

export type RegistrationWindow = 'open' | 'not_open_yet' | 'closed';

export interface EditionFormat {
  groupSize: number;
  rounds: number;
  roundMinutes: number;
  plenaryMinutes: number;
  moderatorMode: 'rotate' | 'fixed';
}

/** What anybody may see of an edition. */
export interface PublicEdition {
  id: string;
  seriesId: string;
  seriesName: string;
  description: string;
  language: Language;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  status: EditionStatus;
  registrationWindow: RegistrationWindow;
  registrationOpensAt: string | null;
  registrationClosesAt: string;
  capacity: number;
  seatsLeft: number;
  waitlistCount: number;
  format: EditionFormat;
}

/** A registration as its owner sees it through the manage link. */
export interface OwnRegistration {
  id: string;
  editionId: string;
  name: string;
  email: string;
  company: string;
  sector: string;
  jobTitle: string;
  offer: string;
  lookingFor: string;
  linkedinUrl: string;
  language: Language;
  shareContact: boolean;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
}

export interface ManageView {
  registration: OwnRegistration;
  edition: PublicEdition;
  joinUrl: string | null;
  calendarUrl: string;
}
