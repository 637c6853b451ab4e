// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { SessionState } from '../../lib/session';
import { I18nProvider } from '../../lib/i18n-context';

const session = vi.hoisted(() => ({ current: { state: 'loading' } as SessionState }));
vi.mock('../../lib/session-context', () => ({ useSession: () => ({ session: session.current }) }));
vi.mock('../control-room/control-room', () => ({ default: ({ editionId }: { editionId: string }) => <p>control room of {editionId}</p> }));
vi.mock('../moderator/moderator-live-view.tsx', () => ({
  ModeratorLiveView: ({ editionId }: { editionId: string }) => <p>moderator view of {editionId}</p>,
}));
vi.mock('../join/join-page', () => ({ StaffLivePage: ({ editionId }: { editionId: string }) => <p>shared live view of {editionId}</p> }));

const { default: StaffLivePage, liveViewFor } = await import('./staff-live-page');

const signedIn = (role: 'organizer' | 'moderator'): SessionState =>
  ({
    state: 'signed_in',
    user: { id: 'u1', email: 'a@example.org', name: 'A', role, language: 'en' },
    csrfToken: 'c',
  }) as SessionState;

beforeEach(() => window.localStorage.setItem('tablehop.language', 'en'));
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const renderPage = () =>
  render(
    <I18nProvider>
      <StaffLivePage editionId="ed-1" />
    </I18nProvider>,
  );

describe('/live/:editionId for staff', () => {
  test('an organizer gets the control room', async () => {
    session.current = signedIn('organizer');
    renderPage();
    expect(await screen.findByText('control room of ed-1')).toBeTruthy();
    expect(liveViewFor('organizer')).toBe('control_room');
  });

  test('a moderator gets the moderators’ live view', async () => {
    session.current = signedIn('moderator');
    expect(liveViewFor('moderator')).toBe('moderator');
    renderPage();
    expect(await screen.findByText('moderator view of ed-1')).toBeTruthy();
    expect(screen.queryByText('control room of ed-1')).toBeNull();
  });

  test('someone not logged in is asked to log in and comes back here', () => {
    session.current = { state: 'anonymous' };
    renderPage();
    expect(screen.getByRole('heading', { name: 'Log in to run the event' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/login?next=%2Flive%2Fed-1');
  });
});
