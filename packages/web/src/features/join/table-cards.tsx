import type { LiveSeat } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';

/** The people at your table: name, company, sector, title, what they offer and look for. */
export function TableCards({ seat, youId }: { seat: LiveSeat; youId: string }) {
  const { t } = useI18n();
  return (
    <section className="card table-cards" aria-labelledby="table-cards-title">
      <h2 id="table-cards-title" className="card-title">
        {t.atTableTitle} · {t.yourTable(seat.table)}
      </h2>
      <p className="muted small">
        {t.moderatorLabel}: {seat.moderator?.name ?? t.noModerator}
      </p>
      <ul className="person-cards">
        {seat.cards.map((card) => (
          <li key={card.personId} className="person-card">
            <p className="person-card-name">
              <strong>{card.name}</strong>
              {card.personId === youId && <span className="muted"> ({t.youLabel})</span>}
            </p>
            <p className="person-card-meta">{[card.jobTitle, card.company, card.sector].filter(Boolean).join(' · ')}</p>
            {card.offer && (
              <p className="person-card-line">
                <span className="person-card-label">{t.cardOffer}:</span> {card.offer}
              </p>
            )}
            {card.lookingFor && (
              <p className="person-card-line">
                <span className="person-card-label">{t.cardLookingFor}:</span> {card.lookingFor}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
