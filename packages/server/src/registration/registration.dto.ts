import type { RegistrationView } from '@tablehop/protocol';
import type { Registration } from './registration.store.js';

export {
  manageViewSchema as manageViewDto,
  registrationResultSchema as registrationResultDto,
  registrationSchema as registrationDto,
} from '@tablehop/protocol';

export function toRegistrationDto(r: Registration): RegistrationView {
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
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  };
}
