import { useState } from 'react';
import type { LiveMute, LiveSeat } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './moderator.css';

/**
 * The people at the moderator's table, each with what they offer and look for, and the two things
 * a moderator does to one person: mute its microphone (enforced in the video server) and flag it
 * as a no-show (the host is told; someone not connected leaves the table).
 */
export function ModeratorCards({
  seat,
  mutes,
  onMute,
  onFlagNoShow,
}: {
  seat: LiveSeat;
  mutes: readonly LiveMute[];
  onMute(personId: string): Promise<boolean>;
  onFlagNoShow(personId: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const muteOf = (personId: string) => mutes.find((m) => m.personId === personId)?.by ?? null;

  async function run(action: () => Promise<boolean>, done?: () => void) {
    const ok = await action();
    if (ok) done?.();
    else setMessage({ text: t.actionFailed, error: true });
  }

  return (
    <section className="card moderator-cards" aria-labelledby="moderator-cards-title">
      <h2 id="moderator-cards-title" className="card-title">
        {t.participantsHeading}
      </h2>
      <div role="status" aria-live="polite" className="moderator-status">
        {message && <p className={message.error ? 'field-error' : 'muted small'}>{message.text}</p>}
      </div>
      {seat.cards.length === 0 ? (
        <p className="muted">{t.noParticipants}</p>
      ) : (
        <ul className="person-cards">
          {seat.cards.map((card) => {
            const mute = muteOf(card.personId);
            const isFlagged = flagged.has(card.personId);
            return (
              <li key={card.personId} className="person-card moderator-card">
                <div className="moderator-card-head">
                  <p className="person-card-name">
                    <strong>{card.name}</strong>
                  </p>
                  {mute && <span className="badge">{mute === 'self' ? t.micOffBadge : t.mutedByYouBadge}</span>}
                </div>
                <p className="person-card-meta">{[card.jobTitle, card.company, card.sector].filter(Boolean).join(' · ')}</p>
                <p className="person-card-line">
                  <span className="person-card-label">{t.cardOffer}:</span> {card.offer || '—'}
                </p>
                <p className="person-card-line">
                  <span className="person-card-label">{t.cardLookingFor}:</span> {card.lookingFor || '—'}
                </p>
                <div className="moderator-card-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={mute !== null}
                    onClick={() => void run(() => onMute(card.personId))}
                  >
                    {t.muteParticipant(card.name)}
                  </button>
                  <button
                    type="button"
                    className="button button-danger-ghost button-small"
                    disabled={isFlagged}
                    onClick={() =>
                      void run(
                        () => onFlagNoShow(card.personId),
                        () => {
                          setFlagged((s) => new Set([...s, card.personId]));
                          setMessage({ text: t.flagNoShowDone(card.name), error: false });
                        },
                      )
                    }
                  >
                    {isFlagged ? (
                      t.flaggedNoShow
                    ) : (
                      <>
                        {t.flagNoShow}
                        <span className="visually-hidden">: {card.name}</span>
                      </>
                    )}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
