import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n-context';
import './organizer-admin.css';

/** Whether the browser believes it is online; follows the online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** A lost connection said in words, on every organizer screen; a short "back online" when it returns. */
export function OfflineBanner() {
  const { t } = useI18n();
  const online = useOnline();
  const [wasOffline, setWasOffline] = useState(false);
  useEffect(() => {
    if (!online) return setWasOffline(true);
    if (!wasOffline) return;
    const timer = setTimeout(() => setWasOffline(false), 5000);
    return () => clearTimeout(timer);
  }, [online, wasOffline]);
  return (
    <div role="status" aria-live="polite" className="offline-banner">
      {!online && <p className="alert alert-warning">{t.orgOffline}</p>}
      {online && wasOffline && <p className="alert alert-success">{t.orgBackOnline}</p>}
    </div>
  );
}
