import type { Edition, RegistrationInput, RegistrationStatus, RegistrationView, Series, SeriesInput } from '@tablehop/protocol';
import type { AuthenticatedRequest, SessionUser } from './session';

/** A moderator account as the organizer sees it (same shape as the session user). */
export type Moderator = SessionUser;

/** What PATCH /api/editions/:id accepts (a subset; null capacity = moderators x group size). */
export interface EditionPatch {
  capacity?: number | null;
  status?: Edition['status'];
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  promotionMode?: 'auto' | 'offer';
  offerHours?: number;
  format?: Partial<Edition['format']>;
}

/** What PATCH /api/series/:id accepts: any field of a new series; omitted fields stay as they are. */
export type SeriesPatch = Partial<Omit<SeriesInput, 'groupSize' | 'rounds' | 'roundMinutes' | 'plenaryMinutes' | 'moderatorMode' | 'icebreakers'>>;

/** A moderator assigned to an edition. */
export interface AssignedModerator {
  id: string;
  name: string;
  email: string;
}

/** What happens (or would happen) to one row of an imported CSV of invitees. */
export type ImportOutcome = 'confirmed' | 'waitlisted' | 'duplicate' | 'already_registered' | 'invalid' | 'failed';

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  company: string;
  outcome: ImportOutcome;
  waitlistPosition: number | null;
  issues: { field: string; message: string }[];
}

export interface ImportResult {
  rows: ImportRow[];
  summary: Record<ImportOutcome | 'total', number>;
}

/** One mail about an edition, rendered for a sample person. */
export interface MailPreview {
  kind: string;
  language: 'nl' | 'en';
  to: string;
  subject: string;
  html: string;
  text: string;
  hasCalendarInvite: boolean;
}

const segment = encodeURIComponent;

/** The organizer API, one function per endpoint; every call goes through the authenticated request. */
export function createOrganizerApi(request: AuthenticatedRequest) {
  return {
    updateSeries(seriesId: string, patch: SeriesPatch): Promise<Series> {
      return request<Series>(`/api/series/${segment(seriesId)}`, { method: 'PATCH', body: patch });
    },
    async deleteSeries(seriesId: string): Promise<void> {
      await request<{ deleted: true }>(`/api/series/${segment(seriesId)}`, { method: 'DELETE' });
    },
    async deleteEdition(editionId: string): Promise<void> {
      await request<{ deleted: true }>(`/api/editions/${segment(editionId)}`, { method: 'DELETE' });
    },
    async listEditionModerators(editionId: string, signal?: AbortSignal): Promise<AssignedModerator[]> {
      return (await request<{ moderators: AssignedModerator[] }>(`/api/editions/${segment(editionId)}/moderators`, { signal })).moderators;
    },
    previewInvitees(editionId: string, csv: string): Promise<ImportResult> {
      return request<ImportResult>(`/api/editions/${segment(editionId)}/invitees/preview`, { method: 'POST', body: { csv } });
    },
    importInvitees(editionId: string, csv: string): Promise<ImportResult> {
      return request<ImportResult>(`/api/editions/${segment(editionId)}/invitees/import`, { method: 'POST', body: { csv } });
    },
    async listMailPreviewKinds(editionId: string, signal?: AbortSignal): Promise<string[]> {
      return (await request<{ kinds: string[] }>(`/api/editions/${segment(editionId)}/mail-previews`, { signal })).kinds;
    },
    getMailPreview(editionId: string, kind: string, language: 'nl' | 'en', signal?: AbortSignal): Promise<MailPreview> {
      return request<MailPreview>(`/api/editions/${segment(editionId)}/mail-previews/${segment(kind)}?lang=${language}`, { signal });
    },
    async listSeries(signal?: AbortSignal): Promise<Series[]> {
      return (await request<{ series: Series[] }>('/api/series', { signal })).series;
    },
    createSeries(input: SeriesInput): Promise<Series> {
      return request<Series>('/api/series', { method: 'POST', body: input });
    },
    async listEditions(seriesId: string, signal?: AbortSignal): Promise<Edition[]> {
      return (await request<{ editions: Edition[] }>(`/api/series/${segment(seriesId)}/editions`, { signal })).editions;
    },
    async generateEditions(seriesId: string, count: number): Promise<Edition[]> {
      return (await request<{ editions: Edition[] }>(`/api/series/${segment(seriesId)}/editions/generate`, { method: 'POST', body: { count } }))
        .editions;
    },
    createEdition(seriesId: string, input: { startsAt: string; capacity?: number | null; status?: 'draft' | 'open' }): Promise<Edition> {
      return request<Edition>(`/api/series/${segment(seriesId)}/editions`, { method: 'POST', body: input });
    },
    getEdition(editionId: string, signal?: AbortSignal): Promise<Edition> {
      return request<Edition>(`/api/editions/${segment(editionId)}`, { signal });
    },
    updateEdition(editionId: string, patch: EditionPatch): Promise<Edition> {
      return request<Edition>(`/api/editions/${segment(editionId)}`, { method: 'PATCH', body: patch });
    },
    async listRegistrations(editionId: string, status: RegistrationStatus | null, signal?: AbortSignal): Promise<RegistrationView[]> {
      const query = status ? `?status=${segment(status)}` : '';
      return (await request<{ registrations: RegistrationView[] }>(`/api/editions/${segment(editionId)}/registrations${query}`, { signal }))
        .registrations;
    },
    /** `created` is false when this e-mail address was registered for the edition already. */
    async addRegistration(editionId: string, input: RegistrationInput): Promise<{ created: boolean; registration: RegistrationView }> {
      const { status, data } = await request.withStatus<RegistrationView>(`/api/editions/${segment(editionId)}/registrations/by-organizer`, {
        method: 'POST',
        body: input,
      });
      return { created: status === 201, registration: data };
    },
    cancelRegistration(editionId: string, registrationId: string): Promise<RegistrationView> {
      return request<RegistrationView>(`/api/editions/${segment(editionId)}/registrations/${segment(registrationId)}/cancel`, {
        method: 'POST',
        body: {},
      });
    },
    /** A plain link: the session cookie travels with it, so no CSRF is needed for a GET. */
    registrationsCsvUrl(editionId: string): string {
      return `/api/editions/${segment(editionId)}/registrations.csv`;
    },
    async listModerators(signal?: AbortSignal): Promise<Moderator[]> {
      return (await request<{ moderators: Moderator[] }>('/api/moderators', { signal })).moderators;
    },
    inviteModerator(input: { email: string; name: string; language: 'nl' | 'en' }): Promise<Moderator> {
      return request<Moderator>('/api/moderators', { method: 'POST', body: input });
    },
    async listEditionModeratorIds(editionId: string, signal?: AbortSignal): Promise<string[]> {
      return (await request<{ moderatorIds: string[] }>(`/api/editions/${segment(editionId)}/moderators`, { signal })).moderatorIds;
    },
    assignModerator(editionId: string, moderatorId: string): Promise<Edition> {
      return request<Edition>(`/api/editions/${segment(editionId)}/moderators`, { method: 'POST', body: { moderatorId } });
    },
    unassignModerator(editionId: string, moderatorId: string): Promise<Edition> {
      return request<Edition>(`/api/editions/${segment(editionId)}/moderators/${segment(moderatorId)}`, { method: 'DELETE' });
    },
    async listSectors(signal?: AbortSignal): Promise<string[]> {
      return (await request<{ sectors: string[] }>('/api/sectors', { signal })).sectors;
    },
    async saveSectors(sectors: string[]): Promise<string[]> {
      return (await request<{ sectors: string[] }>('/api/sectors', { method: 'PUT', body: { sectors } })).sectors;
    },
  };
}

export type OrganizerApi = ReturnType<typeof createOrganizerApi>;
