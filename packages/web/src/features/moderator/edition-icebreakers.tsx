import { useState, type FormEvent } from 'react';
import type { Edition } from '@tablehop/protocol';
import { ApiError } from '../../lib/api-client';
import { describeApiError } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { IcebreakerFields } from './icebreaker-fields';
import { saveEditionIcebreakers } from './moderator-api';
import './moderator.css';

/** The organizer's card on the edition page: this edition's icebreaker prompts (copied from the series when it was created). */
export function EditionIcebreakers({ edition }: { edition: Edition }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [prompts, setPrompts] = useState<string[]>(() => [...(edition.icebreakers ?? [])]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const saved = await saveEditionIcebreakers(edition.id, prompts, session.state === 'signed_in' ? session.csrfToken : undefined);
      setPrompts(saved);
      setStatus({ text: t.icebreakersSaved, error: false });
    } catch (error) {
      setStatus({ text: describeApiError(t, error instanceof ApiError ? error.code : 'generic'), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="edition-icebreakers-title">
      <h2 id="edition-icebreakers-title" className="card-title">
        {t.icebreakersLegend}
      </h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <IcebreakerFields value={prompts} onChange={setPrompts} idPrefix={`icebreaker-${edition.id}`} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t.saveIcebreakers}
          </button>
          <span role="status" aria-live="polite" className={status?.error ? 'field-error' : 'muted small'}>
            {status?.text}
          </span>
        </div>
      </form>
    </section>
  );
}
