import { useEffect, useState } from 'react';
import type { MetPerson, MetView } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import { useRequest } from '../../lib/use-request';
import { FollowupFrame } from './followup-frame';
import { followupApi } from './followup-api';
import { MetPersonCard } from './met-person-card';

/** `/manage/:token/met`: the people I sat with, round by round, and the contact exchange. */
export function MetPage({ token }: { token: string }) {
  const { t } = useI18n();
  const request = useRequest((signal) => followupApi.met(token, signal), [token]);
  return (
    <FollowupFrame token={token} title={t.fuMetTitle} request={request} editionOf={(view) => view.edition}>
      {(view) => <MetContent view={view} token={token} />}
    </FollowupFrame>
  );
}

export function MetContent({ view, token }: { view: MetView; token: string }) {
  const { t } = useI18n();
  const [rounds, setRounds] = useState(view.rounds);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => setRounds(view.rounds), [view]);

  // A person met in two rounds appears twice: update every copy.
  const replace = (next: MetPerson, message: string) => {
    setRounds((current) =>
      current.map((round) => ({
        ...round,
        people: round.people.map((p) =>
          p.kind === 'participant' && next.kind === 'participant' && p.registrationId === next.registrationId ? next : p,
        ),
      })),
    );
    setAnnouncement(message);
  };

  const started = view.edition.status === 'live' || view.edition.status === 'ended';
  return (
    <>
      <p className="lead">{t.fuMetIntro}</p>
      {view.shareContact && <p className="muted small">{t.fuMetConsentOn}</p>}
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {rounds.length === 0 && <p className="card empty">{started && !view.attended ? t.fuMetNotAttended : t.fuMetNotYet}</p>}
      {rounds.map((round) => (
        <section key={round.round} className="card fu-round" aria-labelledby={`fu-round-${round.round}`}>
          <h2 id={`fu-round-${round.round}`} className="card-title">
            {t.fuRound(round.round)} <span className="muted fu-round-tables">· {t.fuTables(round.tables)}</span>
          </h2>
          <ul className="person-cards fu-cards">
            {round.people.map((person) => (
              <MetPersonCard
                key={person.kind === 'moderator' ? `m-${person.moderatorId}` : person.registrationId}
                person={person}
                token={token}
                onChanged={replace}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
