// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ImportResult } from '../../lib/organizer-api';
import { Providers, sampleEdition, seriousViolations, stubFetch } from './admin-test-kit';
import { InviteeImport } from './invitee-import';

const base = `/api/editions/${sampleEdition.id}/invitees`;
const csv = 'name,email\nAnn,ann@example.com\nBob,bob@example.com\nNo Mail,\nAnn again,ann@example.com\n';

const preview: ImportResult = {
  rows: [
    { line: 2, name: 'Ann', email: 'ann@example.com', company: 'Smet BV', outcome: 'confirmed', waitlistPosition: null, issues: [] },
    { line: 3, name: 'Bob', email: 'bob@example.com', company: '', outcome: 'waitlisted', waitlistPosition: 1, issues: [] },
    {
      line: 4,
      name: 'No Mail',
      email: '',
      company: '',
      outcome: 'invalid',
      waitlistPosition: null,
      issues: [{ field: 'email', message: 'is not a valid e-mail address' }],
    },
    {
      line: 5,
      name: 'Ann again',
      email: 'ann@example.com',
      company: '',
      outcome: 'duplicate',
      waitlistPosition: null,
      issues: [{ field: 'email', message: 'also on line 2' }],
    },
  ],
  summary: { total: 4, confirmed: 1, waitlisted: 1, duplicate: 1, already_registered: 0, invalid: 1, failed: 0 },
};

function renderImport() {
  return render(
    <Providers>
      <InviteeImport edition={sampleEdition} />
    </Providers>,
  );
}

async function chooseAndCheck(user: ReturnType<typeof userEvent.setup>, text = csv) {
  await user.upload(screen.getByLabelText('CSV file'), new File([text], 'invitees.csv', { type: 'text/csv' }));
  await user.click(screen.getByRole('button', { name: 'Check file' }));
}

describe('InviteeImport', () => {
  beforeEach(() => window.localStorage.setItem('tablehop.language', 'en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  test('previews every row with what happens and why, then imports the good ones', async () => {
    const calls = stubFetch({
      [`POST ${base}/preview`]: { body: preview },
      [`POST ${base}/import`]: {
        body: { ...preview, rows: preview.rows.map((r) => (r.line === 3 ? { ...r, waitlistPosition: 2 } : r)), summary: { ...preview.summary } },
      },
    });
    const user = userEvent.setup();
    const { container } = renderImport();
    await chooseAndCheck(user);

    const heading = await screen.findByRole('heading', { name: 'Step 2: check and import (nothing is saved yet)' });
    expect(document.activeElement).toBe(heading);
    expect(calls[0]).toMatchObject({ method: 'POST', path: `${base}/preview`, body: { csv }, csrf: 'csrf-1' });
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'RowNameCompanyResultProblem',
      '2Annann@example.comSmet BVGets a seat—',
      '3Bobbob@example.com—Waiting list (position 1)—',
      '4No Mail—Needs fixingNo valid e-mail address',
      '5Ann againann@example.com—Twice in the fileSame e-mail address as row 2',
    ]);
    expect(screen.getByText('1 person gets a seat')).toBeTruthy();
    expect(screen.getByText('1 row needs fixing')).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Import 2 people' }));
    const done = await screen.findByRole('heading', { name: 'Import finished' });
    expect(document.activeElement).toBe(done);
    expect(calls[1]).toMatchObject({ method: 'POST', path: `${base}/import`, body: { csv } });
    expect(screen.getByText('Added: seat confirmed')).toBeTruthy();
    expect(screen.getByText('1 person added with a seat')).toBeTruthy();
    expect(screen.getByText('Added: waiting list (position 2)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the edition' }).getAttribute('href')).toBe(`/organizer/editions/${sampleEdition.id}`);
    expect(await seriousViolations(container)).toEqual([]);
  });

  test('offers no import when no row can be added', async () => {
    const nothing: ImportResult = { rows: [preview.rows[2]!], summary: { ...preview.summary, total: 1, confirmed: 0, waitlisted: 0, duplicate: 0 } };
    stubFetch({ [`POST ${base}/preview`]: { body: nothing } });
    const user = userEvent.setup();
    renderImport();
    await chooseAndCheck(user);
    expect(await screen.findByText(/There is nobody to import/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  test('asks for a file, and explains a file the server cannot read', async () => {
    stubFetch({
      [`POST ${base}/preview`]: {
        status: 400,
        body: {
          error: {
            code: 'ERR_VALIDATION',
            message: 'x',
            details: [{ path: 'body.csv', message: 'The header row needs the columns name and email' }],
          },
        },
      },
    });
    const user = userEvent.setup();
    const { container } = renderImport();
    await user.click(screen.getByRole('button', { name: 'Check file' }));
    expect(screen.getByText('Choose a CSV file first.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('CSV file'));

    await chooseAndCheck(user, 'naam;bedrijf\nAnn;Smet');
    expect(await screen.findByText(/This file cannot be imported/)).toBeTruthy();
    expect(screen.getByLabelText('CSV file').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(container)).toEqual([]);
  });

  test('says so when the connection is lost, and keeps the file to try again', async () => {
    stubFetch({ [`POST ${base}/preview`]: 'network-error' });
    const user = userEvent.setup();
    renderImport();
    await chooseAndCheck(user);
    expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check file' })).toBeTruthy();
  });

  test('speaks Dutch when chosen', async () => {
    window.localStorage.setItem('tablehop.language', 'nl');
    stubFetch({ [`POST ${base}/preview`]: { body: preview } });
    const user = userEvent.setup();
    renderImport();
    await user.upload(screen.getByLabelText('CSV-bestand'), new File([csv], 'invitees.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Bestand controleren' }));
    expect(await screen.findByText('Zelfde e-mailadres als rij 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: '2 mensen importeren' })).toBeTruthy();
  });
});
