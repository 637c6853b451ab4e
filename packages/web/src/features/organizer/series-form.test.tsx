// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Series } from '@tablehop/protocol';
import { Providers, seriousViolations, stubFetch } from './admin-test-kit';
import { SeriesForm } from './series-form';

const series: Series = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Virtual Friday',
  description: 'Meet six entrepreneurs in an hour.',
  language: 'en',
  timeZone: 'Europe/Brussels',
  weekday: 5,
  startTime: '09:30',
  durationMinutes: 90,
  format: { groupSize: 6, rounds: 4, roundMinutes: 12, plenaryMinutes: 10, moderatorMode: 'rotate' },
  defaultCapacity: null,
  promotionMode: 'auto',
  offerHours: 24,
  registrationOpensDays: 28,
  createdAt: '2026-11-27T10:00:00.000Z',
} as Series;

function renderForm(props: Partial<Parameters<typeof SeriesForm>[0]> = {}) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  const view = render(
    <Providers>
      <SeriesForm onSaved={onSaved} onCancel={onCancel} {...props} />
    </Providers>,
  );
  return { ...view, onSaved, onCancel };
}

describe('SeriesForm', () => {
  beforeEach(() => window.localStorage.setItem('tablehop.language', 'en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  test('creates a series with the defaults of a Virtual Friday; every field has a name; no axe issues', async () => {
    const calls = stubFetch({ 'POST /api/series': { status: 201, body: series } });
    const user = userEvent.setup();
    const { container, onSaved } = renderForm();
    expect(await seriousViolations(container)).toEqual([]);
    expect(screen.getByLabelText(/^Name/)).toBeTruthy();
    for (const label of ['Description', 'Weekday', 'Start time', 'Group size', 'Rounds', 'Capacity of each edition'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    await user.type(screen.getByLabelText(/^Name/), 'Virtual Friday');
    await user.click(screen.getByRole('button', { name: 'Create series' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(series));
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/series',
      body: { name: 'Virtual Friday', weekday: 5, startTime: '09:30', format: { groupSize: 6, rounds: 4 }, defaultCapacity: null },
    });
  });

  test('edits a series: filled in, saved with PATCH, server refusals shown at the field', async () => {
    const calls = stubFetch({
      [`PATCH /api/series/${series.id}`]: (call) =>
        (call.body as { durationMinutes: number }).durationMinutes === 120
          ? { body: { ...series, name: 'Virtuele vrijdag', durationMinutes: 120 } }
          : {
              status: 400,
              body: { error: { code: 'ERR_VALIDATION', message: 'x', details: [{ path: 'body.durationMinutes', message: 'too big' }] } },
            },
    });
    const user = userEvent.setup();
    const { container, onSaved } = renderForm({ series });
    expect(screen.getByRole('heading', { name: 'Edit “Virtual Friday”' })).toBeTruthy();
    const name = screen.getByLabelText(/^Name/) as HTMLInputElement;
    expect(name.value).toBe('Virtual Friday');
    expect((screen.getByLabelText('Group size') as HTMLInputElement).value).toBe('6');

    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save series' }));
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    expect(calls).toHaveLength(0);
    expect(await seriousViolations(container)).toEqual([]);

    await user.type(name, 'Virtuele vrijdag');
    const duration = screen.getByLabelText('Duration (minutes)');
    await user.clear(duration);
    await user.type(duration, '1000');
    await user.click(screen.getByRole('button', { name: 'Save series' }));
    await waitFor(() => expect(duration.getAttribute('aria-invalid')).toBe('true'));
    expect(onSaved).not.toHaveBeenCalled();

    await user.clear(duration);
    await user.type(duration, '120');
    await user.click(screen.getByRole('button', { name: 'Save series' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.at(-1)).toMatchObject({
      method: 'PATCH',
      body: { name: 'Virtuele vrijdag', durationMinutes: 120, description: 'Meet six entrepreneurs in an hour.' },
    });
  });
});
