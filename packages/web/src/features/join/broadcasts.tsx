import { useState } from 'react';
import type { LiveBroadcast } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './live-extras.css';

/**
 * The host's messages as they arrive: the newest as a banner (announced by screen readers, can be
 * dismissed), the few before it in a short list below.
 */
export function Broadcasts({ broadcasts }: { broadcasts: readonly LiveBroadcast[] }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const latest = broadcasts.at(-1);
  const earlier = broadcasts.slice(-4, -1).reverse();
  const showLatest = latest !== undefined && latest.id !== dismissed;
  return (
    <>
      <div role="status" aria-live="polite" className="broadcast-region">
        {showLatest && (
          <div className="broadcast-banner">
            <p className="broadcast-banner-text">
              <strong>{t.broadcastLatest}</strong>
              {latest.table !== null && <span className="badge">{t.broadcastToTable}</span>}
              <span className="broadcast-body">{latest.text}</span>
            </p>
            <button type="button" className="button button-ghost button-small" onClick={() => setDismissed(latest.id)}>
              {t.dismiss}
            </button>
          </div>
        )}
      </div>
      {(earlier.length > 0 || (latest && !showLatest)) && (
        <section className="card broadcasts" aria-labelledby="broadcasts-title">
          <h2 id="broadcasts-title" className="card-title">
            {showLatest ? t.broadcastEarlier : t.broadcastsTitle}
          </h2>
          <ol className="broadcast-list">
            {(showLatest ? earlier : broadcasts.slice(-3).reverse()).map((b) => (
              <li key={b.id}>
                {b.table !== null && <span className="badge">{t.broadcastToTable}</span>} {b.text}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
