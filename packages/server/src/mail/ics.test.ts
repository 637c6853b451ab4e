import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { sampleLinks, sampleMailMessage, sampleRegistrationId } from '../../test/mail-fixtures.js';
import { buildRegistrationCalendarFile, buildRegistrationIcs, registrationEventUid, type RegistrationIcsInput } from './ics.js';
import { renderMail } from './mail.logic.js';

const stamp = new Date('2026-11-27T10:00:00Z');

function sampleInput(overrides: Partial<RegistrationIcsInput> = {}): RegistrationIcsInput {
  const message = sampleMailMessage('registration_confirmed');
  if (!('registration' in message)) throw new Error('unreachable');
  return { to: message.to, edition: message.edition, registration: message.registration, method: 'REQUEST', stamp, ...overrides };
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vtimezone, vevent, event: new ICAL.Event(vevent) };
}

describe('buildRegistrationIcs', () => {
  test('writes one event with a UID stable per registration', () => {
    const first = parse(buildRegistrationIcs(sampleInput()));
    const later = parse(buildRegistrationIcs(sampleInput({ stamp: new Date('2026-12-03T08:30:00Z') })));
    expect(first.event.uid).toBe(`registration-${sampleRegistrationId}@tablehop`);
    expect(later.event.uid).toBe(first.event.uid);
    expect(first.calendar.getAllSubcomponents('vevent')).toHaveLength(1);
  });

  test('starts at 09:30 wall-clock time with TZID Europe/Brussels and a VTIMEZONE', () => {
    const { vevent, vtimezone, event } = parse(buildRegistrationIcs(sampleInput()));
    const dtstart = vevent.getFirstProperty('dtstart');
    expect(dtstart?.getParameter('tzid')).toBe('Europe/Brussels');
    expect(event.startDate.hour).toBe(9);
    expect(event.startDate.minute).toBe(30);
    expect(event.endDate.hour).toBe(11);
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-04T08:30:00.000Z');
  });

  test('keeps 09:30 local in summer time', () => {
    const input = sampleInput();
    const summer = { ...input, edition: { ...input.edition, startsAt: new Date('2027-06-04T07:30:00Z') } };
    const { event } = parse(buildRegistrationIcs(summer));
    expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 30]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-06-04T07:30:00.000Z');
  });

  test('writes DTSTAMP in UTC', () => {
    expect(buildRegistrationIcs(sampleInput())).toContain('DTSTAMP:20261127T100000Z');
  });

  test('puts the join link in URL and the join and manage links in the description', () => {
    const { vevent, event } = parse(buildRegistrationIcs(sampleInput()));
    expect(vevent.getFirstPropertyValue('url')).toBe(sampleLinks.joinUrl);
    expect(event.description).toContain(sampleLinks.joinUrl);
    expect(event.description).toContain(sampleLinks.manageUrl);
    expect(event.summary).toBe('Virtual Friday');
  });

  test('sends a REQUEST from an organizer to the attendee without asking for a reply', () => {
    const { calendar, vevent, event } = parse(buildRegistrationIcs(sampleInput()));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:noreply@events.example.org');
    const attendee = vevent.getFirstProperty('attendee');
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:ann.peeters@example.com');
    expect(attendee?.getParameter('rsvp')).toBe('FALSE');
    expect(event.sequence).toBe(0);
  });

  test('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const confirmed = parse(renderMail(sampleMailMessage('registration_confirmed'), { now: stamp }).ics!.content);
    const cancelMail = renderMail(sampleMailMessage('registration_cancelled', { calendarSequence: 1 }), { now: stamp });
    expect(cancelMail.ics?.method).toBe('CANCEL');
    const cancelled = parse(cancelMail.ics!.content);
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.uid).toBe(confirmed.event.uid);
    expect(cancelled.event.sequence).toBeGreaterThan(confirmed.event.sequence);
  });

  test('keeps quotes and line breaks of a name out of the CN parameter', () => {
    const input = sampleInput();
    const ics = buildRegistrationIcs({ ...input, to: { ...input.to, name: 'Ann "The Boss"\nPeeters' } });
    const { vevent } = parse(ics);
    expect(vevent.getFirstProperty('attendee')?.getParameter('cn')).toBe('Ann The Boss Peeters');
  });
});

describe('buildRegistrationCalendarFile', () => {
  test('offers the same event for download as METHOD:PUBLISH without organizer or attendee', () => {
    const { method: _method, ...input } = sampleInput();
    const file = buildRegistrationCalendarFile(input);
    const { calendar, vevent, event } = parse(file.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(event.uid).toBe(registrationEventUid(sampleRegistrationId));
    expect(vevent.getFirstProperty('organizer')).toBeNull();
    expect(file.filename).toBe('virtual-friday-2026-12-04.ics');
    expect(file.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
  });
});
