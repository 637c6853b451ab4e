import { describe, expect, test } from 'vitest';
import { dictionaries } from '../../lib/i18n';
import {
  emptyRegistrationForm,
  fieldsWithErrors,
  mapServerIssues,
  normalizeLinkedinUrl,
  toRegistrationInput,
  validateRegistration,
} from './registration-errors';

const en = dictionaries.en;
const valid = { ...emptyRegistrationForm('nl'), name: 'Sofie Janssens', email: 'sofie@example.be', consent: true };

describe('validateRegistration', () => {
  test('a filled-in form has no errors', () => {
    expect(validateRegistration(valid, en)).toEqual({});
  });

  test('an empty form asks for name, e-mail and consent, in screen order', () => {
    const errors = validateRegistration(emptyRegistrationForm('en'), en);
    expect(fieldsWithErrors(errors)).toEqual(['name', 'email', 'consent']);
    expect(errors.name).toBe(en.errRequired);
    expect(errors.email).toBe(en.errRequired);
    expect(errors.consent).toBe(en.errConsent);
  });

  test.each([
    [{ email: 'not-an-address' }, 'email', en.errEmail],
    [{ linkedinUrl: 'https://facebook.com/me' }, 'linkedinUrl', en.errLinkedin],
    [{ company: 'A <b> company' }, 'company', en.errCharacters],
    [{ name: 'x'.repeat(201) }, 'name', en.errTooLong(200)],
  ] as const)('%j gives an error on %s', (change, field, message) => {
    expect(validateRegistration({ ...valid, ...change }, en)[field]).toBe(message);
  });

  test('the messages follow the interface language', () => {
    expect(validateRegistration({ ...valid, consent: false }, dictionaries.nl).consent).toBe(dictionaries.nl.errConsent);
  });
});

describe('mapServerIssues', () => {
  test('maps body.<field> paths onto the fields', () => {
    const errors = mapServerIssues(
      [
        { path: 'body.email', message: 'must be a valid e-mail address' },
        { path: 'body.offer', message: 'at most 1000 characters' },
        { path: 'body.unknown', message: 'whatever' },
      ],
      en,
    );
    expect(errors).toEqual({ email: en.errEmail, offer: en.errTooLong(1000) });
  });
});

describe('toRegistrationInput', () => {
  test('leaves empty optional fields out and trims the rest', () => {
    const input = toRegistrationInput({ ...valid, name: '  Sofie  ', company: '   ', sector: '', linkedinUrl: 'linkedin.com/in/sofie' });
    expect(input).toMatchObject({
      name: 'Sofie',
      company: undefined,
      sector: undefined,
      linkedinUrl: 'https://linkedin.com/in/sofie',
      consent: true,
    });
  });

  test.each([
    ['www.linkedin.com/in/x', 'https://www.linkedin.com/in/x'],
    ['http://linkedin.com/in/x', 'https://linkedin.com/in/x'],
    ['be.linkedin.com/in/x', 'https://be.linkedin.com/in/x'],
    ['https://www.linkedin.com/in/x', 'https://www.linkedin.com/in/x'],
    ['example.com', 'example.com'],
  ])('normalizes %s', (raw, expected) => {
    expect(normalizeLinkedinUrl(raw)).toBe(expected);
  });
});
