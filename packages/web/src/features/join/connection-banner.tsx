import { useEffect, useRef, useState } from 'react';
import type { LiveClientStatus } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './live-extras.css';

/** How long "Back online" stays after a reconnection. */
export const backOnlineMs = 4000;

/**
 * The live connection's state in words: "Connecting…" at first, "Connection lost — reconnecting…"
 * while the client retries, then "Back online" for a few seconds. One polite live region that is
 * always in the page, so screen readers announce each change (a region added with its text is
 * often not read).
 */
export function ConnectionBanner({ status }: { status: LiveClientStatus }) {
  const { t } = useI18n();
  const [backOnline, setBackOnline] = useState(false);
  const wasLost = useRef(false);
  useEffect(() => {
    if (status === 'reconnecting' || status === 'closed') {
      wasLost.current = true;
      setBackOnline(false);
      return;
    }
    if (status === 'open' && wasLost.current) {
      wasLost.current = false;
      setBackOnline(true);
      const id = setTimeout(() => setBackOnline(false), backOnlineMs);
      return () => clearTimeout(id);
    }
  }, [status]);
  const lost = status === 'reconnecting' || status === 'closed';
  const text = status === 'connecting' ? t.joinConnecting : lost ? t.connectionLost : backOnline ? t.connectionBack : '';
  return (
    <div role="status" aria-live="polite" className="connection-region">
      {text && (
        <p
          className={`alert connection-banner${lost ? ' connection-lost' : ''}${backOnline && !lost ? ' connection-back' : ''}`}
          data-status={status}
        >
          {lost && <span className="spinner connection-spinner" aria-hidden="true" />}
          {text}
        </p>
      )}
    </div>
  );
}
