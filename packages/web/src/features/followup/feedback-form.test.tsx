// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { FeedbackInput, FeedbackView } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { FeedbackForm } from './feedback-form';
import { openFeedback } from './followup-fixture';

beforeEach(() => window.localStorage.setItem('tablehop.language', 'en'));
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function renderForm(view: FeedbackView = openFeedback) {
  const save = vi.fn(async (input: FeedbackInput) => ({
    ...view,
    feedback: { rating: input.rating, recommend: input.recommend ?? null, comment: input.comment ?? '', updatedAt: '' },
  }));
  const utils = render(
    <I18nProvider>
      <FeedbackForm view={view} save={save} />
    </I18nProvider>,
  );
  return { save, ...utils };
}

describe('feedback form', () => {
  test('asks for a rating before sending, then sends rating, recommendation and comment', async () => {
    const { save } = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByText('Choose a rating from 1 to 5.')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: '4 out of 5: Very good' }));
    await userEvent.click(screen.getByRole('radio', { name: '9' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Anything else you want to tell us?' }), 'Great tables');
    await userEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(save).toHaveBeenCalledWith({ rating: 4, recommend: 9, comment: 'Great tables' });
    expect(await screen.findByText(/Your feedback is saved/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Update my feedback' })).toBeTruthy();
  });

  test('shows earlier feedback to change it', () => {
    renderForm({ ...openFeedback, feedback: { rating: 2, recommend: 3, comment: 'Too short', updatedAt: '2026-12-04T11:00:00.000Z' } });
    expect((screen.getByRole('radio', { name: '2 out of 5: Fair' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '3' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Too short');
  });

  test('says when feedback is not open yet', () => {
    renderForm({ ...openFeedback, open: false });
    expect(screen.getByText('You can give feedback once the event has started.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('axe finds no serious or critical accessibility problem', async () => {
    const { container } = renderForm();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
