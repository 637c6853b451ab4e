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
}

const segment = encodeURIComponent;

/** The organizer API, one function per endpoint; every call goes through the authenticated request. */
export function createOrganizerApi(request: AuthenticatedRequest) {
  return {
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
    createEdition(seriesId: string, input: { startsAt: string; capacity?: number | null }): Promise<Edition> {
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
