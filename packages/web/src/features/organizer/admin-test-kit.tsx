import type { ReactNode } from 'react';
import { vi } from 'vitest';
import axe from 'axe-core';
import type { Edition } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { SessionProvider } from '../../lib/session-context';

/** Test helpers for the organizer admin components (jsdom): providers, a fetch stub, axe. */

export const organizerSession = {
  csrfToken: 'csrf-1',
  user: { id: 'u1', email: 'org@example.org', name: 'Olga', role: 'organizer', language: 'en', hasPassword: true },
};

export const sampleEdition: Edition = {
  id: '11111111-1111-4111-8111-111111111111',
  seriesId: '22222222-2222-4222-8222-222222222222',
  seriesName: 'Virtual Friday',
  description: '',
  language: 'nl',
  timeZone: 'Europe/Brussels',
  startsAt: '2026-12-04T08:30:00.000Z',
  endsAt: '2026-12-04T10:00:00.000Z',
  durationMinutes: 90,
  status: 'open',
  registrationWindow: 'open',
  registrationOpensAt: null,
  registrationClosesAt: '2026-12-04T08:30:00.000Z',
  capacity: 2,
  seatsLeft: 1,
  waitlistCount: 0,
  format: { groupSize: 6, rounds: 4, roundMinutes: 12, plenaryMinutes: 10, moderatorMode: 'rotate' },
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

/** The serious and critical axe violations in `root` (jsdom cannot check colour contrast). */
export async function seriousViolations(root: Element): Promise<string[]> {
  // Frames (the sandboxed mail preview) hold mail HTML, not our interface; jsdom cannot reach into them.
  const result = await axe.run(root, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}
