// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LiveTimer } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { formatRemaining, LiveTimerBar } from './live-timer';

const start = Date.parse('2026-12-04T09:00:00Z');
// The server's clock runs 7 s ahead of this browser's: the countdown must follow the server.
const skew = 7000;
const serverNow = () => Date.now() + skew;

const round: LiveTimer = { phase: 'round', round: 2, rounds: 4, startedAt: start, endsAt: start + skew + 2 * 60_000, pausedRemainingMs: null };

const clockText = () => screen.getByText((_, el) => el?.tagName === 'TIME').textContent;

beforeEach(() => {
  window.localStorage.setItem('tablehop.language', 'en');
  vi.useFakeTimers({ now: start });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.localStorage.clear();
});

const renderTimer = (timer: LiveTimer) =>
  render(
    <I18nProvider>
      <LiveTimerBar timer={timer} serverNow={serverNow} />
    </I18nProvider>,
  );

describe('LiveTimerBar', () => {
  test('counts down to the server deadline and shows round x of N', () => {
    renderTimer(round);
    expect(screen.getByText('Round 2 of 4')).toBeTruthy();
    expect(screen.getByText('Round in progress')).toBeTruthy();
    expect(clockText()).toBe('2:00');
    act(() => vi.advanceTimersByTime(1000));
    expect(clockText()).toBe('1:59');
    act(() => vi.advanceTimersByTime(59_000));
    expect(clockText()).toBe('1:00');
    // Past the deadline it stops at zero (the server moves the phase on).
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(clockText()).toBe('0:00');
  });

  test('while paused shows the time left, standing still, and says so', () => {
    renderTimer({ ...round, endsAt: null, pausedRemainingMs: 90_000 });
    expect(clockText()).toBe('1:30');
    expect(screen.getByText(/Paused/)).toBeTruthy();
    act(() => vi.advanceTimersByTime(10_000));
    expect(clockText()).toBe('1:30');
  });

  test('a new deadline from the server (extended round) is taken at once', () => {
    const { rerender } = renderTimer(round);
    act(() => vi.advanceTimersByTime(30_000));
    expect(clockText()).toBe('1:30');
    rerender(
      <I18nProvider>
        <LiveTimerBar timer={{ ...round, endsAt: round.endsAt! + 5 * 60_000 }} serverNow={serverNow} />
      </I18nProvider>,
    );
    expect(clockText()).toBe('6:30');
  });

  test('shows no countdown to a start days away, and no round before the first', () => {
    renderTimer({ phase: 'scheduled', round: 0, rounds: 4, startedAt: null, endsAt: start + 3 * 24 * 3600_000, pausedRemainingMs: null });
    expect(screen.queryByText((_, el) => el?.tagName === 'TIME')).toBeNull();
    expect(screen.queryByText(/Round \d of/)).toBeNull();
    expect(screen.getByText('Not started yet')).toBeTruthy();
  });

  test.each([
    [0, '0:00'],
    [999, '0:01'],
    [61_000, '1:01'],
    [-5000, '0:00'],
  ])('formatRemaining(%i) is %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
