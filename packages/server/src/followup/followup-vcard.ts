import type { Language } from '@tablehop/protocol';
import VCard from 'vcard-creator';
import { vcardFileName } from './followup.logic.js';
import type { PersonCard } from './followup.store.js';

/**
 * The vCard (.vcf) of someone met, with the details they agreed to share. Only call it for a
 * person whose contact details are revealed to the asker (the service checks).
 */
export function buildVcard(
  person: PersonCard,
  met: { seriesName: string; startsAt: Date; language: Language },
): { filename: string; content: string } {
  const card = new VCard();
  const [givenName, ...rest] = person.name.trim().split(/\s+/);
  // FN first: addName would otherwise generate one, and a second FN throws.
  card.addFullName(person.name);
  card.addName({ givenName: givenName ?? '', familyName: rest.join(' ') });
  if (person.company) card.addCompany({ name: person.company });
  if (person.jobTitle) card.addJobtitle(person.jobTitle);
  card.addEmail({ address: person.email });
  if (person.linkedinUrl) card.addUrl({ url: person.linkedinUrl });
  const day = met.startsAt.toISOString().slice(0, 10);
  card.addNote(met.language === 'nl' ? `Ontmoet op ${met.seriesName} (${day})` : `Met at ${met.seriesName} (${day})`);
  return { filename: vcardFileName(person.name), content: card.toString() };
}
