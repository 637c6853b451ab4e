// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { LiveCommand, LiveCommandResult, LiveSnapshot } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { ControlRoomScreen } from './control-room';
import { NOW, seventeenTables } from './control-room.fixture';
import { personDragType } from './commands';

let send: ReturnType<typeof vi.fn<(command: LiveCommand) => Promise<LiveCommandResult>>>;

beforeEach(() => {
  window.localStorage.setItem('tablehop.language', 'en');
  send = vi.fn(async () => ({ ok: true }) as LiveCommandResult);
});
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function renderRoom(snapshot: LiveSnapshot = seventeenTables()) {
  return render(
    <I18nProvider>
      <ControlRoomScreen live={{ status: 'open', serverNow: () => NOW, send }} snapshot={snapshot} />
    </I18nProvider>,
  );
}

const table = (n: number) => screen.getByRole('region', { name: `Table ${n}` });

/** A stand-in for the browser's DataTransfer (jsdom has none). */
function fakeDataTransfer() {
  const data = new Map<string, string>();
  return {
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
    dropEffect: 'none',
    effectAllowed: 'all',
  };
}

// A full room is 119 people and ~3,500 options: jsdom needs a while on a busy machine.
describe('control room: the table grid', { timeout: 60_000 }, () => {
  test('shows the 17 tables of the round with their people and flags the problem tables', () => {
    renderRoom();
    expect(screen.getByRole('heading', { level: 1, name: 'Control room' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Tables, round 2' })).toBeTruthy();
    for (let n = 1; n <= 17; n++) expect(within(table(n)).getAllByRole('listitem').length).toBeGreaterThanOrEqual(6);
    expect(screen.queryByRole('region', { name: 'Table 18' })).toBeNull();

    expect(table(3).dataset.level).toBe('problem');
    expect(within(table(3)).getAllByText('No moderator').length).toBeGreaterThan(0);
    expect(table(5).dataset.level).toBe('problem');
    expect(within(table(5)).getByText('Moderator offline')).toBeTruthy();
    expect(table(11).dataset.level).toBe('problem');
    expect(within(table(11)).getByText('Help requested')).toBeTruthy();
    expect(table(8).dataset.level).toBe('attention');
    expect(within(table(8)).getByText('2 missing')).toBeTruthy();
    expect(within(table(8)).getByText('4/6 online')).toBeTruthy();
    expect(table(1).dataset.level).toBe('ok');

    const attention = screen.getByRole('region', { name: /Needs attention/ });
    expect(
      within(attention)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Table 3', 'Table 5', 'Table 11', 'Table 8']);
  });

  test('a move from a person’s “Move to” list sends move_person for that person and table', async () => {
    renderRoom();
    const user = userEvent.setup();
    await user.selectOptions(within(table(4)).getByRole('combobox', { name: 'Move Person 4.2 to another table' }), '9');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'move_person', personId: 'p-4-2', table: 9 });
    expect(await screen.findByText('Person 4.2 moves to table 9.')).toBeTruthy();
  });

  test('dropping a dragged person on another table moves it; a moderator dropped on a table takes it over', () => {
    renderRoom();
    const dataTransfer = fakeDataTransfer();
    fireEvent.dragStart(within(table(6)).getByText('Person 6.1'), { dataTransfer });
    expect(dataTransfer.types).toContain(personDragType);
    fireEvent.dragOver(table(2), { dataTransfer });
    fireEvent.drop(table(2), { dataTransfer });
    expect(send).toHaveBeenLastCalledWith({ type: 'move_person', personId: 'p-6-1', table: 2 });

    const moderatorDrag = fakeDataTransfer();
    fireEvent.dragStart(within(table(7)).getByText('Moderator 7'), { dataTransfer: moderatorDrag });
    fireEvent.drop(table(3), { dataTransfer: moderatorDrag });
    expect(send).toHaveBeenLastCalledWith({ type: 'reassign_moderator', table: 3, moderatorId: 'm-7' });
    // Dropping onto the person's own table does nothing.
    const again = fakeDataTransfer();
    fireEvent.dragStart(within(table(6)).getByText('Person 6.2'), { dataTransfer: again });
    fireEvent.drop(table(6), { dataTransfer: again });
    expect(send).toHaveBeenCalledTimes(2);
  });

  test('shows the error the server returns for a command', async () => {
    send.mockResolvedValueOnce({ ok: false, error: { code: 'ERR_CONFLICT', message: 'no round is seated' } });
    renderRoom();
    const user = userEvent.setup();
    await user.selectOptions(within(table(1)).getByRole('combobox', { name: 'Move Person 1.1 to another table' }), '2');
    const alert = await screen.findByText(/That is not possible right now: no round is seated\./);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
  });

  test('puts a free moderator at a table without one from the list', async () => {
    renderRoom();
    const user = userEvent.setup();
    const select = within(table(3)).getByRole('combobox', { name: 'Moderator for table 3' });
    // The free moderator comes first.
    expect(within(select).getAllByRole('option')[1]!.textContent).toBe('Moderator 3 (no table)');
    await user.selectOptions(select, 'm-3');
    expect(send).toHaveBeenCalledWith({ type: 'reassign_moderator', table: 3, moderatorId: 'm-3' });
  });
});

describe('control room: swap and mute', { timeout: 60_000 }, () => {
  test('“Swap with…” lists the people at other tables; choosing one sends swap_people for the two', async () => {
    renderRoom();
    const user = userEvent.setup();
    const opener = within(table(4)).getByRole('button', { name: 'Swap Person 4.2 with…' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Swap Person 4.2 with…' });
    const list = within(dialog).getByRole('combobox', { name: 'Person at another table' });
    expect(document.activeElement).toBe(list);
    // Grouped by table, the person's own table left out; people who are not online say so.
    const groups = within(list).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('label'))).not.toContain('Table 4');
    expect(groups).toHaveLength(16);
    expect(within(list).getByRole('option', { name: 'Person 8.2 (offline)' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Swap' }).hasAttribute('disabled')).toBe(true);
    const results = await axe.run(dialog);
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await user.selectOptions(list, 'p-9-3');
    await user.click(within(dialog).getByRole('button', { name: 'Swap' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'swap_people', a: 'p-4-2', b: 'p-9-3' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('Person 4.2 and Person 9.3 swap tables.')).toBeTruthy();
  });

  test('the swap dialog closes with Escape without sending, and focus goes back to its button', async () => {
    renderRoom();
    const user = userEvent.setup();
    const opener = within(table(2)).getByRole('button', { name: 'Swap Person 2.1 with…' });
    opener.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(send).not.toHaveBeenCalled();
  });

  test('dropping a person onto a person at another table swaps them; onto someone at its own table it does nothing', () => {
    renderRoom();
    const dataTransfer = fakeDataTransfer();
    fireEvent.dragStart(within(table(6)).getByText('Person 6.1'), { dataTransfer });
    const target = within(table(2)).getByText('Person 2.4').closest('li')!;
    fireEvent.dragOver(target, { dataTransfer });
    expect(within(table(2)).getByText('Drop to swap with Person 2.4')).toBeTruthy();
    fireEvent.drop(target, { dataTransfer });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenLastCalledWith({ type: 'swap_people', a: 'p-6-1', b: 'p-2-4' });

    const sameTable = fakeDataTransfer();
    fireEvent.dragStart(within(table(6)).getByText('Person 6.2'), { dataTransfer: sameTable });
    fireEvent.drop(within(table(6)).getByText('Person 6.3').closest('li')!, { dataTransfer: sameTable });
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('“Mute” sends mute_participant; a muted person shows who muted it and has no mute button', async () => {
    renderRoom({ ...seventeenTables(), mutes: [{ personId: 'p-5-1', by: 'host' }] });
    const user = userEvent.setup();
    await user.click(within(table(4)).getByRole('button', { name: 'Mute Person 4.2' }));
    expect(send).toHaveBeenCalledWith({ type: 'mute_participant', personId: 'p-4-2' });
    expect(await screen.findByText('Person 4.2 is muted. Only they can unmute themselves.')).toBeTruthy();
    await user.click(within(table(4)).getByRole('button', { name: 'Mute Moderator 4' }));
    expect(send).toHaveBeenLastCalledWith({ type: 'mute_participant', personId: 'm-4' });

    const muted = within(table(5)).getByText('Person 5.1').closest('li')!;
    expect(within(muted).getByText('muted by host')).toBeTruthy();
    expect(within(muted).queryByRole('button', { name: 'Mute Person 5.1' })).toBeNull();
  });
});

describe('control room: confirmations, help and messages', { timeout: 60_000 }, () => {
  test('ends the event only after confirming', async () => {
    renderRoom();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'End the event' }));
    let dialog = screen.getByRole('alertdialog', { name: 'End the event for everyone?' });
    expect(send).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'End the event' }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'End the event' }));
    expect(send).toHaveBeenCalledWith({ type: 'end_event' });
  });

  test('removes a person from the people list after confirming', async () => {
    renderRoom();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove Person 4.2 from the event' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Person 4.2?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove Person 4.2 from the event' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(dialog).toBeTruthy();
    expect(send).toHaveBeenCalledWith({ type: 'remove_person', personId: 'p-4-2' });
  });

  test('answers and closes a help request, and sends a message to one table', async () => {
    renderRoom();
    const user = userEvent.setup();
    const help = screen.getByRole('region', { name: /Help requests/ });
    expect(within(help).getByText('Someone has no sound')).toBeTruthy();
    await user.type(within(help).getByRole('textbox', { name: 'Answer to Moderator 11' }), 'On my way');
    await user.click(within(help).getByRole('button', { name: 'Send answer' }));
    expect(send).toHaveBeenCalledWith({ type: 'answer_help', requestId: 'h-1', text: 'On my way' });
    await user.click(within(help).getByRole('button', { name: 'Mark as handled' }));
    expect(send).toHaveBeenCalledWith({ type: 'close_help', requestId: 'h-1' });

    await user.click(within(table(12)).getByRole('button', { name: 'Message table 12' }));
    const text = screen.getByRole('textbox', { name: 'Message text' });
    expect(document.activeElement).toBe(text);
    await user.type(text, 'Two minutes left');
    expect((screen.getByRole('combobox', { name: 'Send to' }) as HTMLSelectElement).value).toBe('12');
    await user.click(screen.getByRole('button', { name: 'Send message' }));
    expect(send).toHaveBeenCalledWith({ type: 'broadcast', text: 'Two minutes left', table: 12 });
  });

  test('lists no-shows, people away from their table and late joiners', () => {
    renderRoom();
    const arrivals = screen.getByRole('region', { name: 'Arrivals' });
    expect(within(arrivals).getByText('No-shows (2)')).toBeTruthy();
    expect(within(arrivals).getByText(/Nora Noshow/)).toBeTruthy();
    expect(within(arrivals).getByText('Away from their table (3)')).toBeTruthy();
    expect(within(arrivals).getByText(/Person 14\.6: table 14, round 2/)).toBeTruthy();
  });

  test('axe finds no serious or critical accessibility problem', { timeout: 120_000 }, async () => {
    const { container } = renderRoom({
      ...seventeenTables(),
      mutes: [
        { personId: 'p-5-1', by: 'host' },
        { personId: 'm-6', by: 'self' },
      ],
    });
    const results = await axe.run(container);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
