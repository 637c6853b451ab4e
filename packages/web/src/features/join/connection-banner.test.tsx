// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LiveClientStatus } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { backOnlineMs, ConnectionBanner } from './connection-banner';

beforeEach(() => {
  window.localStorage.setItem('tablehop.language', 'en');
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.localStorage.clear();
});

function setup(status: LiveClientStatus) {
  const view = render(
    <I18nProvider>
      <ConnectionBanner status={status} />
    </I18nProvider>,
  );
  return (next: LiveClientStatus) =>
    view.rerender(
      <I18nProvider>
        <ConnectionBanner status={next} />
      </I18nProvider>,
    );
}

describe('ConnectionBanner', () => {
  test('says it is connecting, then nothing once connected', () => {
    const update = setup('connecting');
    expect(screen.getByRole('status').textContent).toBe('Connecting to the event…');
    update('open');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test('a lost connection shows "reconnecting", then "Back online" for a few seconds', () => {
    const update = setup('open');
    update('reconnecting');
    expect(screen.getByRole('status').textContent).toBe('Connection lost — reconnecting…');
    // Still lost after a while: the banner stays.
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByRole('status').textContent).toBe('Connection lost — reconnecting…');
    update('open');
    expect(screen.getByRole('status').textContent).toBe('Back online');
    act(() => vi.advanceTimersByTime(backOnlineMs - 1));
    expect(screen.getByRole('status').textContent).toBe('Back online');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test('losing the connection again hides "Back online" at once', () => {
    const update = setup('open');
    update('reconnecting');
    update('open');
    update('reconnecting');
    expect(screen.getByRole('status').textContent).toBe('Connection lost — reconnecting…');
    act(() => vi.advanceTimersByTime(backOnlineMs));
    expect(screen.getByRole('status').textContent).toBe('Connection lost — reconnecting…');
  });

  test('the live region is in the page before anything happens (so screen readers announce changes)', () => {
    setup('open');
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
  });
});
