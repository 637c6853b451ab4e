import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorState, LoadingState } from '../../components/feedback';
import { ApiError } from '../../lib/api-client';
import { describeApiError } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { FormField } from '../registration/form-field';
import { moveItem } from './organizer-format';
import { foldText } from './registrations-filter';

/** `/organizer/sectors`: the sector list of the registration form, in order. */
export function SectorsPage() {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  useDocumentTitle(t.orgSectorsTitle);
  const sectors = useRequest((signal) => organizerApi.listSectors(signal), [organizerApi]);
  return (
    <>
      <header className="org-header">
        <div>
          <h1>{t.orgSectorsTitle}</h1>
          <p className="lead">{t.orgSectorsIntro}</p>
        </div>
      </header>
      {sectors.state === 'loading' && <LoadingState />}
      {sectors.state === 'error' && <ErrorState error={sectors.error} onRetry={sectors.reload} />}
      {sectors.state === 'ok' && <SectorEditor saved={sectors.data} />}
    </>
  );
}

function SectorEditor({ saved }: { saved: string[] }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const [list, setList] = useState(saved);
  const [lastSaved, setLastSaved] = useState(saved);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTarget, setFocusTarget] = useState<{ key: string; n: number } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const draftInput = useRef<HTMLInputElement>(null);
  const dirty = list.join('\n') !== lastSaved.join('\n');

  // After a move the same button follows its sector; at the edge, the other arrow takes the focus.
  useEffect(() => {
    if (focusTarget) buttons.current.get(focusTarget.key)?.focus();
  }, [focusTarget]);

  const move = (index: number, delta: -1 | 1) => {
    const sector = list[index] as string;
    const next = moveItem(list, index, delta);
    setList(next);
    setStatus(null);
    const newIndex = index + delta;
    setAnnouncement(t.orgSectorMoved(sector, newIndex + 1));
    const atEdge = (delta === -1 && newIndex === 0) || (delta === 1 && newIndex === next.length - 1);
    const direction = atEdge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    setFocusTarget({ key: `${sector}:${direction}`, n: Date.now() });
  };

  const remove = (index: number) => {
    const sector = list[index] as string;
    setList(list.filter((_, i) => i !== index));
    setStatus(null);
    setAnnouncement(t.orgSectorRemoved(sector));
    draftInput.current?.focus();
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (name === '') return setDraftError(t.errRequired);
    if (/[<>]/.test(name)) return setDraftError(t.errCharacters);
    if (name.length > 100) return setDraftError(t.errTooLong(100));
    if (list.some((s) => foldText(s) === foldText(name))) return setDraftError(t.orgSectorDuplicate);
    setList([...list, name]);
    setDraft('');
    setDraftError(undefined);
    setStatus(null);
    setAnnouncement(t.orgSectorAdded(name));
  };

  const save = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const stored = await organizerApi.saveSectors(list);
      setList(stored);
      setLastSaved(stored);
      setStatus({ ok: true, text: t.orgSectorsSaved });
    } catch (error) {
      setStatus({ ok: false, text: describeApiError(t, error instanceof ApiError ? error.code : 'ERR_UNEXPECTED') });
    } finally {
      setBusy(false);
    }
  };

  const refFor = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <div className="card sector-editor">
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {list.length === 0 ? (
        <p className="empty">{t.orgNoSectors}</p>
      ) : (
        <ol className="sector-list">
          {list.map((sector, index) => (
            <li key={sector} className="sector-row">
              <span className="sector-index" aria-hidden="true">
                {index + 1}
              </span>
              <span className="sector-name">{sector}</span>
              <span className="sector-actions">
                <button
                  ref={refFor(`${sector}:up`)}
                  type="button"
                  className="button button-small button-ghost icon-button"
                  aria-label={t.orgMoveUp(sector)}
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  ref={refFor(`${sector}:down`)}
                  type="button"
                  className="button button-small button-ghost icon-button"
                  aria-label={t.orgMoveDown(sector)}
                  onClick={() => move(index, 1)}
                  disabled={index === list.length - 1}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="button button-small button-danger-ghost icon-button"
                  aria-label={t.orgRemoveSector(sector)}
                  onClick={() => remove(index)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <form className="sector-add" onSubmit={add} noValidate>
        <FormField
          id="sector-new"
          label={t.orgSectorNew}
          error={draftError}
          render={(a11y) => (
            <input
              {...a11y}
              ref={draftInput}
              className="input"
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                setDraftError(undefined);
              }}
            />
          )}
        />
        <button type="submit" className="button button-secondary">
          {t.orgSectorAdd}
        </button>
      </form>
      <div aria-live="polite" className="form-status">
        {status ? (
          <p className={status.ok ? 'alert alert-success' : 'alert alert-error'}>{status.text}</p>
        ) : dirty ? (
          <p className="notice-inline">{t.orgSectorsUnsaved}</p>
        ) : null}
      </div>
      <button type="button" className="button" onClick={() => void save()} disabled={busy || !dirty}>
        {busy ? t.orgSaving : t.orgSectorsSave}
      </button>
    </div>
  );
}
