import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Edition } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { SessionProvider } from '../../lib/session-context';
import { openEdition } from '../editions/public-fixture';

export { seriousViolations } from '../../test-kit/a11y';

/** Test helpers for the organizer admin components (jsdom): providers, a fetch stub, axe. */

export const organizerSession = {
  csrfToken: 'csrf-1',
  user: { id: 'u1', email: 'org@example.org', name: 'Olga', role: 'organizer', language: 'en', hasPassword: true },
};

/** The public screens' open edition as its organizer sees it: Dutch, room for 2, 1 confirmed. */
export const sampleEdition: Edition = {
  ...openEdition,
  seriesId: '22222222-2222-4222-8222-222222222222',
  description: '',
  language: 'nl',
  capacity: 2,
  seatsLeft: 1,
  capacityIsAuto: false,
  moderatorCount: 0,
  confirmedCount: 1,
  offeredCount: 0,
  cancelledCount: 0,
  promotionMode: 'auto',
  offerHours: 24,
  createdAt: '2026-11-27T10:00:00.000Z',
} as Edition;

export interface StubCall {
  method: string;
  path: string;
  body: unknown;
  csrf: string | null;
}

type Answer = { status?: number; body: unknown } | 'network-error';

/**
 * Replaces `fetch`: `/api/me` answers with the organizer session, other routes from `routes`
 * ("METHOD /path" -> answer, or a function of the call). Records every call.
 */
export function stubFetch(routes: Record<string, Answer | ((call: StubCall) => Answer)>) {
  const calls: StubCall[] = [];
  const fetchStub = vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(input);
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: StubCall = { method, path, body: init.body ? JSON.parse(String(init.body)) : undefined, csrf: headers['x-csrf-token'] ?? null };
    if (path === '/api/me') return new Response(JSON.stringify(organizerSession), { status: 200 });
    calls.push(call);
    const route = routes[`${method} ${path}`];
    const answer = typeof route === 'function' ? route(call) : route;
    if (!answer) return new Response(JSON.stringify({ error: { code: 'ERR_NOT_FOUND', message: 'no stub' } }), { status: 404 });
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <SessionProvider>{children}</SessionProvider>
    </I18nProvider>
  );
}
