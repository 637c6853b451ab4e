import { useEffect, useRef, useState } from 'react';
import './organizer-admin.css';

/**
 * A destructive action behind a confirm step, in place: the button turns into a short question with
 * "yes" and "keep". Focus moves to "yes", and back to the button after "keep"; Escape keeps.
 */
export function ConfirmAction({
  id,
  label,
  accessibleLabel,
  question,
  text,
  yes,
  no,
  busyLabel,
  onConfirm,
}: {
  id: string;
  label: string;
  accessibleLabel?: string;
  question: string;
  text: string;
  yes: string;
  no: string;
  busyLabel: string;
  /** Resolves when done; a rejection keeps the question open (the caller shows the error). */
  onConfirm(): Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const yesButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) yesButton.current?.focus();
    else if (wasAsking.current) openButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking)
    return (
      <button
        ref={openButton}
        type="button"
        className="button button-small button-danger-ghost"
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <div
      className="row-confirm confirm-box"
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) setAsking(false);
      }}
    >
      <p id={`${id}-question`} className="row-confirm-title">
        {question}
      </p>
      <p id={`${id}-text`} className="small">
        {text}
      </p>
      <div className="row-confirm-actions">
        <button
          ref={yesButton}
          type="button"
          className="button button-small button-danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            onConfirm().then(
              () => setBusy(false),
              () => setBusy(false),
            );
          }}
        >
          {busy ? busyLabel : yes}
        </button>
        <button type="button" className="button button-small button-secondary" disabled={busy} onClick={() => setAsking(false)}>
          {no}
        </button>
      </div>
    </div>
  );
}
