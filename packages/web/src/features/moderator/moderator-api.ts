import type { ModeratorEdition, ModeratorEditions } from '@tablehop/protocol';
import { requestJson } from '../../lib/api-client';

/** The logged-in moderator's running and upcoming editions (`GET /api/moderator/editions`). */
export async function listMyEditions(signal?: AbortSignal): Promise<ModeratorEdition[]> {
  return (await requestJson<ModeratorEditions>('/api/moderator/editions', { signal })).data.editions;
}

/** Replaces an edition's icebreaker prompts (organizers; `csrfToken` of the session). */
export async function saveEditionIcebreakers(editionId: string, icebreakers: string[], csrfToken: string | undefined): Promise<string[]> {
  return (
    await requestJson<{ icebreakers: string[] }>(`/api/editions/${encodeURIComponent(editionId)}/icebreakers`, {
      method: 'PUT',
      body: { icebreakers },
      csrfToken,
    })
  ).data.icebreakers;
}

/** Replaces a series' icebreaker prompts, the default of its new editions. */
export async function saveSeriesIcebreakers(seriesId: string, icebreakers: string[], csrfToken: string | undefined): Promise<string[]> {
  return (
    await requestJson<{ icebreakers: string[] }>(`/api/series/${encodeURIComponent(seriesId)}/icebreakers`, {
      method: 'PUT',
      body: { icebreakers },
      csrfToken,
    })
  ).data.icebreakers;
}
