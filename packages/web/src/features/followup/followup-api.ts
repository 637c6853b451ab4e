import type { FeedbackInput, FeedbackView, MetPerson, MetView, NextEditionView, NextRegistration } from '@tablehop/protocol';
import { requestJson } from '../../lib/api-client';

const segment = encodeURIComponent;
const base = (token: string) => `/api/manage/${segment(token)}`;

/** The follow-up API, reached with the personal manage token (no session). */
export const followupApi = {
  async met(token: string, signal?: AbortSignal): Promise<MetView> {
    return (await requestJson<MetView>(`${base(token)}/met`, { signal })).data;
  },
  async connect(token: string, registrationId: string): Promise<MetPerson> {
    return (await requestJson<MetPerson>(`${base(token)}/contacts/${segment(registrationId)}`, { method: 'POST' })).data;
  },
  async withdraw(token: string, registrationId: string): Promise<MetPerson> {
    return (await requestJson<MetPerson>(`${base(token)}/contacts/${segment(registrationId)}`, { method: 'DELETE' })).data;
  },
  vcardUrl: (token: string, registrationId: string) => `${base(token)}/vcard/${segment(registrationId)}`,
  exportUrl: (token: string) => `${base(token)}/export`,
  async feedback(token: string, signal?: AbortSignal): Promise<FeedbackView> {
    return (await requestJson<FeedbackView>(`${base(token)}/feedback`, { signal })).data;
  },
  async saveFeedback(token: string, input: FeedbackInput): Promise<FeedbackView> {
    return (await requestJson<FeedbackView>(`${base(token)}/feedback`, { method: 'PUT', body: input })).data;
  },
  async next(token: string, signal?: AbortSignal): Promise<NextEditionView> {
    return (await requestJson<NextEditionView>(`${base(token)}/next`, { signal })).data;
  },
  async registerNext(token: string): Promise<NextRegistration> {
    return (await requestJson<NextRegistration>(`${base(token)}/next`, { method: 'POST' })).data;
  },
  async deleteMe(token: string): Promise<{ anonymized: number }> {
    return (await requestJson<{ anonymized: number }>(base(token), { method: 'DELETE' })).data;
  },
};
