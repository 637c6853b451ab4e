import { useEffect, useRef, useState } from 'react';
import type { RegistrationStatus } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';

/** "Cancel my registration", then an inline confirmation (focus moves to "Yes, cancel"; "No" gives it back). */
export function CancelCard({ status, busy, onConfirm }: { status: RegistrationStatus; busy: boolean; onConfirm(): Promise<boolean> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const confirmYes = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmYes.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      cancelButton.current?.focus();
    }
  }, [confirming]);

  return (
    <div className="card cancel-card">
      {!confirming ? (
        <button ref={cancelButton} type="button" className="button button-danger-ghost" onClick={() => setConfirming(true)}>
          {t.cancelRegistration}
        </button>
      ) : (
        <div role="group" aria-labelledby="cancel-title" aria-describedby="cancel-text" className="cancel-confirm">
          <h2 id="cancel-title" className="notice-title">
            {t.cancelConfirmTitle}
          </h2>
          <p id="cancel-text">{status === 'waitlisted' ? t.cancelConfirmWaitlist : t.cancelConfirmText}</p>
          <div className="actions">
            <button
              ref={confirmYes}
              type="button"
              className="button button-danger"
              onClick={() => void onConfirm().then((done) => done && setConfirming(false))}
              disabled={busy}
            >
              {busy ? t.cancelling : t.cancelConfirmYes}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}
              disabled={busy}
            >
              {t.cancelConfirmNo}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
