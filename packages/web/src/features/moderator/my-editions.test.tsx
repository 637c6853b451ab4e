// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import type { ModeratorEdition } from '@tablehop/protocol';
import { ApiError } from '../../lib/api-client';
import { I18nProvider } from '../../lib/i18n-context';
import { IcebreakerFields } from './icebreaker-fields';
import { MyEditions } from './my-editions';
import { seriousViolations as serious } from '../../test-kit/a11y';
import { setupEnglishUi } from '../../test-kit/english-ui';

const edition = (id: string, startsAt: string, extra: Partial<ModeratorEdition> = {}): ModeratorEdition => ({
  id,
  seriesId: 's1',
  seriesName: 'Virtual Friday',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
  timeZone: 'Europe/Brussels',
  status: 'open',
  livePhase: null,
  liveUrl: `/live/${id}`,
  ...extra,
});

setupEnglishUi();

describe('MyEditions (moderator home)', () => {
  test('lists the moderator’s editions with a link into each live event, the running one marked', async () => {
    const load = async () => [
      edition('e-live', '2026-12-04T08:30:00.000Z', { status: 'live', livePhase: 'round' }),
      edition('e-next', '2026-12-11T08:30:00.000Z'),
    ];
    const { container } = render(
      <I18nProvider>
        <MyEditions load={load} />
      </I18nProvider>,
    );
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('Live now')).toBeTruthy();
    const open = within(items[0]!).getByRole('link', { name: /Open the live event: Virtual Friday, Friday,? 4 December 2026/ });
    expect(open.getAttribute('href')).toBe('/live/e-live');
    expect(
      within(items[1]!)
        .getByRole('link', { name: /Open the live event/ })
        .getAttribute('href'),
    ).toBe('/live/e-next');
    expect(within(items[1]!).getByText(/09:30–11:00/)).toBeTruthy();
    expect(await serious(container)).toEqual([]);
  });

  test('says so when there is nothing yet', async () => {
    render(
      <I18nProvider>
        <MyEditions load={async () => []} />
      </I18nProvider>,
    );
    expect(await screen.findByText('No events yet. The organizer will assign you to a date and e-mail you.')).toBeTruthy();
  });

  test('a failure can be retried', async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      if (calls === 1) throw new ApiError('ERR_NETWORK', 'down', 0);
      return [edition('e1', '2026-12-11T08:30:00.000Z')];
    };
    render(
      <I18nProvider>
        <MyEditions load={load} />
      </I18nProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /Open the live event/ })).toBeTruthy();
  });
});

function Editor({ initial }: { initial: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider>
      <IcebreakerFields value={value} onChange={setValue} idPrefix="ice" />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </I18nProvider>
  );
}

describe('IcebreakerFields', () => {
  test('adds, edits, reorders and removes prompts', async () => {
    const { container } = render(<Editor initial={['First', 'Second']} />);
    const value = () => JSON.parse(screen.getByTestId('value').textContent!) as string[];
    await userEvent.click(screen.getByRole('button', { name: 'Add a prompt' }));
    await userEvent.type(screen.getByLabelText('Prompt 3'), 'Third');
    expect(value()).toEqual(['First', 'Second', 'Third']);
    await userEvent.click(screen.getByRole('button', { name: 'Move prompt 3 up' }));
    expect(value()).toEqual(['First', 'Third', 'Second']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove prompt 1' }));
    expect(value()).toEqual(['Third', 'Second']);
    expect(screen.getByRole('group', { name: 'Icebreakers' })).toBeTruthy();
    expect(await serious(container)).toEqual([]);
  });
});
