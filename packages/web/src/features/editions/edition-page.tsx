import { useState } from 'react';
import { ErrorState, LoadingState, NotFoundNotice } from '../../components/feedback';
import { BackLink } from '../../components/link';
import { api } from '../../lib/api-client';
import type { PublicEdition } from '../../lib/api-types';
import { formatDateTime } from '../../lib/i18n';
import { useI18n, usePageLanguage } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { RegistrationConfirmation } from '../registration/registration-confirmation';
import { RegistrationForm } from '../registration/registration-form';
import type { Registered } from '../registration/registration.types';
import { AvailabilityBadge } from './availability-badge';
import { availabilityOf } from './edition-availability';
import { EditionFacts } from './edition-facts';
import { SeriesDates } from './series-dates';

/** `/e/:editionId`: everything about one edition, and the registration form. */
export function EditionPage({ editionId }: { editionId: string }) {
  const { t } = useI18n();
  const edition = useRequest((signal) => api.getEdition(editionId, signal), [editionId]);
  const sectors = useRequest((signal) => api.listSectors(signal).catch(() => [] as string[]), []);
  usePageLanguage(edition.state === 'ok' ? edition.data.language : null);
  useDocumentTitle(edition.state === 'ok' ? edition.data.seriesName : null);

  if (edition.state === 'loading') return <LoadingState />;
  if (edition.state === 'error') {
    const missing =
      edition.error.code === 'ERR_EDITION_NOT_FOUND' || edition.error.code === 'ERR_NOT_FOUND' || edition.error.code === 'ERR_VALIDATION';
    return missing ? (
      <NotFoundNotice text={t.editionNotFound} href="/" action={t.backToEditions} />
    ) : (
      <ErrorState asPage error={edition.error} onRetry={edition.reload} />
    );
  }
  return <EditionView edition={edition.data} sectors={sectors.state === 'ok' ? sectors.data : []} onRegistered={edition.reload} />;
}

function EditionView({ edition, sectors, onRegistered }: { edition: PublicEdition; sectors: string[]; onRegistered(): void }) {
  const { t, language } = useI18n();
  const [registered, setRegistered] = useState<Registered | null>(null);
  const availability = availabilityOf(edition);
  const canRegister = availability === 'seats' || availability === 'waitlist';

  return (
    <>
      <BackLink href="/">{t.backToEditions}</BackLink>
      <div className="edition-layout">
        <section className="edition-main" aria-labelledby="edition-title">
          <header className="edition-header">
            <h1 id="edition-title">{edition.seriesName}</h1>
            <AvailabilityBadge edition={edition} />
          </header>
          {canRegister && !registered && (
            <a href="#form-title" className="button button-block jump-to-form">
              {availability === 'seats' ? t.pubJumpToForm : t.pubJumpToWaitlist}
            </a>
          )}
          {edition.description && <p className="description">{edition.description}</p>}
          <div className="card">
            <EditionFacts edition={edition} />
          </div>
          <SeriesDates editionId={edition.id} />
        </section>
        <section className="edition-aside" aria-label={t.formTitle}>
          {registered ? (
            <RegistrationConfirmation edition={edition} registered={registered} onAgain={() => setRegistered(null)} />
          ) : edition.status === 'ended' ? (
            <div className="card notice">
              <h2 className="notice-title">{t.pubEndedTitle}</h2>
              <p>{t.pubEndedOther}</p>
            </div>
          ) : availability === 'closed' ? (
            <div className="card notice">
              <h2 className="notice-title">{t.registrationClosedBadge}</h2>
              <p>{t.windowClosed}</p>
            </div>
          ) : availability === 'not_open_yet' ? (
            <div className="card notice">
              <h2 className="notice-title">{t.notOpenYetBadge}</h2>
              <p>
                {t.windowNotOpenYet(edition.registrationOpensAt ? formatDateTime(edition.registrationOpensAt, edition.timeZone, language) : null)}
              </p>
            </div>
          ) : (
            <RegistrationForm
              edition={edition}
              sectors={sectors}
              onRegistered={(value) => {
                setRegistered(value);
                onRegistered();
              }}
            />
          )}
        </section>
      </div>
    </>
  );
}
