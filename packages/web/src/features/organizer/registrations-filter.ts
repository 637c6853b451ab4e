import type { RegistrationStatus, RegistrationView } from '@tablehop/protocol';

const statusOrder: Record<RegistrationStatus, number> = { confirmed: 0, offered: 1, waitlisted: 2, cancelled: 3, expired: 4 };

/** Lower case without accents, so "Sofie" finds "Sofié" and "cafe" finds "Café". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The rows the organizer asked for: one status (or all), and every word of the query found in name,
 * e-mail, company or sector. Sorted: seats first, then the waiting list in its order, then the rest.
 */
export function filterRegistrations(
  registrations: readonly RegistrationView[],
  status: RegistrationStatus | null,
  query: string,
): RegistrationView[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return registrations
    .filter((r) => !status || r.status === status)
    .filter((r) => {
      if (words.length === 0) return true;
      const haystack = foldText([r.name, r.email, r.company, r.sector, r.jobTitle].join(' '));
      return words.every((word) => haystack.includes(word));
    })
    .sort(
      (a, b) =>
        statusOrder[a.status] - statusOrder[b.status] ||
        (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
        a.createdAt.localeCompare(b.createdAt),
    );
}
