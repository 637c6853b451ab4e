import { useState } from 'react';
import type { MetPerson } from '@tablehop/protocol';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n-context';
import { describeFollowupError } from './followup-frame';
import { followupApi } from './followup-api';

type Participant = Extract<MetPerson, { kind: 'participant' }>;

/** One person met: a moderator (name only) or a participant's card with the contact exchange. */
export function MetPersonCard({
  person,
  token,
  onChanged,
}: {
  person: MetPerson;
  token: string;
  onChanged(next: Participant, announcement: string): void;
}) {
  const { t } = useI18n();
  if (person.kind === 'moderator') {
    return (
      <li className="person-card fu-card">
        <p className="fu-card-name">
          <strong>{person.name}</strong> <span className="fu-role">{t.fuModeratorRole}</span>
        </p>
      </li>
    );
  }
  return <ParticipantCard person={person} token={token} onChanged={onChanged} />;
}

function ParticipantCard({
  person,
  token,
  onChanged,
}: {
  person: Participant;
  token: string;
  onChanged(next: Participant, announcement: string): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removed = person.name === '';
  const name = removed ? t.fuRemovedPerson : person.name;
  const headingId = `fu-person-${person.registrationId}`;

  const act = async (kind: 'connect' | 'withdraw') => {
    setBusy(true);
    setError(null);
    try {
      const next = (
        kind === 'connect' ? await followupApi.connect(token, person.registrationId) : await followupApi.withdraw(token, person.registrationId)
      ) as Participant;
      const announcement =
        next.connection === 'connected'
          ? t.fuAnnounceConnected(name)
          : kind === 'connect'
            ? t.fuAnnounceRequested(name)
            : t.fuAnnounceWithdrawn(name);
      onChanged(next, announcement);
    } catch (caught) {
      setError(describeFollowupError(t, caught instanceof ApiError ? caught.code : 'ERR_UNEXPECTED'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="person-card fu-card">
      <h3 id={headingId} className="fu-card-name">
        {removed ? <span className="muted">{name}</span> : name}
        {person.connection === 'connected' && <span className="fu-badge fu-badge-connected">{t.fuConnected}</span>}
      </h3>
      {!removed && (
        <>
          {(person.jobTitle || person.company || person.sector) && (
            <p className="person-card-meta">{[person.jobTitle, person.company, person.sector].filter(Boolean).join(' · ')}</p>
          )}
          {person.offer && (
            <p className="person-card-line">
              <span className="person-card-label">{t.fuOffers}:</span> {person.offer}
            </p>
          )}
          {person.lookingFor && (
            <p className="person-card-line">
              <span className="person-card-label">{t.fuLooksFor}:</span> {person.lookingFor}
            </p>
          )}
        </>
      )}
      {person.contact && (
        <div className="fu-contact">
          {person.sharedByConsent && <p className="muted small">{t.fuSharedByConsent}</p>}
          <dl className="fu-contact-list">
            <dt>{t.fuEmail}</dt>
            <dd>
              <a href={`mailto:${person.contact.email}`}>{person.contact.email}</a>
            </dd>
            {person.contact.linkedinUrl && (
              <>
                <dt>{t.fuLinkedin}</dt>
                <dd>
                  <a href={person.contact.linkedinUrl} target="_blank" rel="noopener noreferrer">
                    {person.contact.linkedinUrl.replace(/^https:\/\/(www\.)?/, '')}
                  </a>
                </dd>
              </>
            )}
          </dl>
          <a className="button button-secondary button-small" href={followupApi.vcardUrl(token, person.registrationId)} download>
            {t.fuDownloadVcard}
          </a>
        </div>
      )}
      {!removed && (
        <div className="fu-connect">
          {person.connection === 'requested' && <p className="small fu-state">{t.fuRequested}</p>}
          {person.connection === 'incoming' && <p className="small fu-state fu-state-incoming">{t.fuIncoming}</p>}
          {person.connection === 'none' && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => void act('connect')}>
              {busy ? t.fuWorking : t.fuConnect}
            </button>
          )}
          {person.connection === 'incoming' && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => void act('connect')}>
              {busy ? t.fuWorking : t.fuAccept}
            </button>
          )}
          {person.connection === 'requested' && (
            <button type="button" className="button button-small button-ghost" disabled={busy} onClick={() => void act('withdraw')}>
              {busy ? t.fuWorking : t.fuWithdraw}
            </button>
          )}
          {person.connection === 'connected' && !person.sharedByConsent && (
            <button type="button" className="button button-small button-ghost" disabled={busy} onClick={() => void act('withdraw')}>
              {busy ? t.fuWorking : t.fuStopSharing}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="alert alert-error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
