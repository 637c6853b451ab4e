import { useEffect, useId, useRef } from 'react';

export interface ConfirmRequest {
  title: string;
  body: string;
  action: string;
  onConfirm(): void;
}

/**
 * A modal question before a step that cannot be undone (end the event, remove a person). Focus
 * starts on "Cancel", Tab stays inside, Escape cancels, and focus goes back where it was.
 */
export function ConfirmDialog({ request, cancelLabel, onClose }: { request: ConfirmRequest; cancelLabel: string; onClose(): void }) {
  const ids = { title: useId(), body: useId() };
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="cr-dialog-backdrop">
      <div
        className="cr-dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.body}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          } else if (event.key === 'Tab') {
            // Two buttons: Tab and Shift+Tab go from one to the other.
            event.preventDefault();
            (document.activeElement === cancel.current ? confirm : cancel).current?.focus();
          }
        }}
      >
        <h2 id={ids.title} className="card-title">
          {request.title}
        </h2>
        <p id={ids.body}>{request.body}</p>
        <div className="actions">
          <button ref={cancel} type="button" className="button button-secondary" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            ref={confirm}
            type="button"
            className="button button-danger"
            onClick={() => {
              onClose();
              request.onConfirm();
            }}
          >
            {request.action}
          </button>
        </div>
      </div>
    </div>
  );
}
