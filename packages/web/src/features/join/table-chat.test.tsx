// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LiveChatMessage } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { TableChat } from './table-chat';

const message = (id: string, personId: string, name: string, text: string, role: LiveChatMessage['role'] = 'participant'): LiveChatMessage => ({
  id,
  round: 1,
  table: 2,
  personId,
  name,
  role,
  text,
  at: Date.parse('2026-12-04T09:05:00Z'),
});

beforeEach(() => window.localStorage.setItem('tablehop.language', 'en'));
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function renderChat(messages: LiveChatMessage[], onSend: (text: string) => Promise<boolean>, disabled = false) {
  return render(
    <I18nProvider>
      <TableChat messages={messages} youId="me" onSend={onSend} disabled={disabled} />
    </I18nProvider>,
  );
}

describe('TableChat', () => {
  test('shows the messages with who wrote them, yours marked as you, the moderator’s marked', () => {
    renderChat(
      [message('c1', 'p2', 'Bob', 'Hello all'), message('c2', 'm1', 'Mia', 'Welcome', 'moderator'), message('c3', 'me', 'Ann', 'Hi!')],
      async () => true,
    );
    const log = screen.getByRole('log');
    expect(log.textContent).toContain('Bob');
    expect(log.textContent).toContain('Hello all');
    expect(log.textContent).toContain('Mia · moderator');
    expect(log.textContent).toContain('you');
    expect(log.textContent).not.toContain('Ann');
  });

  test('sends the trimmed text with Enter and empties the box', async () => {
    const onSend = vi.fn(async () => true);
    renderChat([], onSend);
    expect(screen.getByText('No messages yet. Say hello to your table.')).toBeTruthy();
    const input = screen.getByLabelText('Message to your table');
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
    await userEvent.type(input, '  Nice to meet you  {Enter}');
    expect(onSend).toHaveBeenCalledWith('Nice to meet you');
    expect((input as HTMLInputElement).value).toBe('');
  });

  test('a message that did not get through stays in the box with an error', async () => {
    const onSend = vi.fn(async () => false);
    renderChat([], onSend);
    const input = screen.getByLabelText('Message to your table');
    await userEvent.type(input, 'Anyone?');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toBe('Your message was not sent. Try again.');
    expect((input as HTMLInputElement).value).toBe('Anyone?');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Typing again clears the error.
    await userEvent.type(input, '!');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('holds at most 500 characters and counts down near the limit', async () => {
    renderChat([], async () => true);
    const input = screen.getByLabelText('Message to your table') as HTMLInputElement;
    expect(input.maxLength).toBe(500);
    await userEvent.click(input);
    await userEvent.paste('x'.repeat(450));
    expect(screen.getByText('50 characters left')).toBeTruthy();
  });

  test('without a table the input is disabled and says why', () => {
    renderChat([], async () => true, true);
    expect(screen.getByText('The chat opens when you are at a table.')).toBeTruthy();
    expect(screen.getByLabelText('Message to your table').hasAttribute('disabled')).toBe(true);
  });

  test('axe finds no serious or critical issue', async () => {
    const { container } = renderChat([message('c1', 'p2', 'Bob', 'Hello all'), message('c2', 'me', 'Ann', 'Hi')], async () => true);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
