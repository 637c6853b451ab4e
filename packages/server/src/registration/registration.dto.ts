import type { RegistrationView } from '@tablehop/protocol';
import type { Registration, RegistrationProfile } from './registration.store.js';

export {
  manageViewSchema as manageViewDto,
  registrationResultSchema as registrationResultDto,
  registrationSchema as registrationDto,
} from '@tablehop/protocol';

/** The profile fields of any registration shape, on their own (for DTOs and exports). */
export function profileOf(r: RegistrationProfile): RegistrationProfile {
  return {
    id: r.id,
    editionId: r.editionId,
    name: r.name,
    email: r.email,
    company: r.company,
    sector: r.sector,
    jobTitle: r.jobTitle,
    offer: r.offer,
    lookingFor: r.lookingFor,
    linkedinUrl: r.linkedinUrl,
    language: r.language,
    shareContact: r.shareContact,
  };
}

export function toRegistrationDto(r: Registration): RegistrationView {
  return {
    ...profileOf(r),
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  };
}
