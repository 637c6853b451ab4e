import { expect, test } from 'vitest';
import { useTestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';
import { previewKinds } from './mail-preview.logic.js';

forEachTestDatabase('mail previews API', (getDb) => {
  const t = useTestApp({ db: getDb });

  test('lists the kinds and renders every one in Dutch and English for the edition', async () => {
    const { editionId } = await t.createEdition(3);
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}/mail-previews`)).json().kinds).toEqual([...previewKinds]);
    for (const kind of previewKinds)
      for (const lang of ['nl', 'en'] as const) {
        const response = await t.asOrganizer('GET', `/api/editions/${editionId}/mail-previews/${kind}?lang=${lang}`);
        expect(response.statusCode, `${kind} ${lang}`).toBe(200);
        const mail = response.json();
        expect(mail).toMatchObject({ kind, language: lang });
        expect(mail.subject.length).toBeGreaterThan(3);
        expect(mail.html).toContain(`<html lang="${lang}">`);
        expect(mail.text.length).toBeGreaterThan(20);
      }
  });

  test('shows the edition itself, with sample people and links, and the invite where one is sent', async () => {
    const { editionId } = await t.createEdition(3);
    const nl = (await t.asOrganizer('GET', `/api/editions/${editionId}/mail-previews/registration_confirmed?lang=nl`)).json();
    expect(nl.subject).toContain('Virtual Friday');
    expect(nl.text).toContain('Anna Peeters');
    expect(nl.text).toContain('http://tablehop.test/join/example');
    expect(nl.text).toMatch(/vrijdag 4 december 2026/i);
    expect(nl.hasCalendarInvite).toBe(true);
    const en = (await t.asOrganizer('GET', `/api/editions/${editionId}/mail-previews/registration_waitlisted?lang=en`)).json();
    expect(en.text).toMatch(/Friday, 4 December 2026/);
    expect(en.hasCalendarInvite).toBe(false);
    expect(en.subject).not.toBe(nl.subject);
  });

  test('defaults to the series language and refuses unknown kinds and languages', async () => {
    const { editionId } = await t.createEdition(3);
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}/mail-previews/reminder_1h`)).json().language).toBe('nl');
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}/mail-previews/spam`)).json().error.code).toBe('ERR_VALIDATION');
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}/mail-previews/reminder_1h?lang=fr`)).json().error.code).toBe('ERR_VALIDATION');
    const missing = await t.asOrganizer('GET', '/api/editions/00000000-0000-4000-8000-000000000000/mail-previews/reminder_1h');
    expect(missing.json().error.code).toBe('ERR_EDITION_NOT_FOUND');
  });
});
