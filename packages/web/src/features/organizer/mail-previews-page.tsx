import { useId, useState } from 'react';
import type { Edition, Language } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { languages } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { useRequest } from '../../lib/use-request';
import { EditionSubpage } from './edition-subpage';
import './organizer-admin.css';

/** `/organizer/editions/:id/mails`: every mail about this edition, rendered for a sample person. */
export function MailPreviewsPage({ editionId }: { editionId: string }) {
  const { t } = useI18n();
  return (
    <EditionSubpage editionId={editionId} title={t.orgMailsTitle}>
      {(edition) => <MailPreviews edition={edition} />}
    </EditionSubpage>
  );
}

function MailPreviews({ edition }: { edition: Edition }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const kinds = useRequest((signal) => organizerApi.listMailPreviewKinds(edition.id, signal), [edition.id, organizerApi]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>(edition.language);
  const [view, setView] = useState<'html' | 'text'>('html');

  if (kinds.state === 'loading') return <LoadingState />;
  if (kinds.state === 'error') return <ErrorState error={kinds.error} onRetry={kinds.reload} />;
  const kind = chosen ?? kinds.data[0] ?? null;
  const kindName = (k: string) => (t.orgMailKind as Record<string, string>)[k] ?? k;
  return (
    <>
      <p className="lead">{t.orgMailsIntro}</p>
      <div className="mail-previews">
        <nav aria-label={t.orgMailKindsLabel} className="card">
          <ul className="mail-kinds">
            {kinds.data.map((k) => (
              <li key={k}>
                <button type="button" aria-current={k === kind ? 'true' : undefined} onClick={() => setChosen(k)}>
                  {kindName(k)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="card" aria-labelledby="mail-preview-title">
          <h2 id="mail-preview-title">{kind ? kindName(kind) : t.orgMailsTitle}</h2>
          <div className="mail-options">
            <RadioGroup
              legend={t.orgMailLanguage}
              value={language}
              choices={languages.map((code) => ({ value: code, label: t.languageName[code] }))}
              onChange={(value) => setLanguage(value as Language)}
            />
            <RadioGroup
              legend={t.orgMailShowAs}
              value={view}
              choices={[
                { value: 'html', label: t.orgMailHtml },
                { value: 'text', label: t.orgMailText },
              ]}
              onChange={(value) => setView(value as 'html' | 'text')}
            />
          </div>
          {kind && <MailPreviewBody editionId={edition.id} kind={kind} kindName={kindName(kind)} language={language} view={view} />}
        </section>
      </div>
    </>
  );
}

function MailPreviewBody({
  editionId,
  kind,
  kindName,
  language,
  view,
}: {
  editionId: string;
  kind: string;
  kindName: string;
  language: Language;
  view: 'html' | 'text';
}) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const preview = useRequest((signal) => organizerApi.getMailPreview(editionId, kind, language, signal), [editionId, kind, language, organizerApi]);
  if (preview.state === 'loading') return <LoadingState />;
  if (preview.state === 'error') return <ErrorState error={preview.error} onRetry={preview.reload} />;
  const mail = preview.data;
  return (
    <>
      <dl className="mail-head">
        <dt>{t.orgMailTo}</dt>
        <dd>{mail.to}</dd>
        <dt>{t.orgMailSubject}</dt>
        <dd lang={mail.language}>{mail.subject}</dd>
      </dl>
      {mail.hasCalendarInvite && <p className="small muted">{t.orgMailCalendar}</p>}
      {view === 'html' ? (
        // sandbox without permissions: no scripts, no forms, no navigation, a unique origin.
        <iframe className="mail-frame" sandbox="" srcDoc={mail.html} title={t.orgMailFrameTitle(kindName)} />
      ) : (
        <pre className="mail-text" tabIndex={0} lang={mail.language} aria-label={t.orgMailFrameTitle(kindName)}>
          {mail.text}
        </pre>
      )}
    </>
  );
}

function RadioGroup({
  legend,
  value,
  choices,
  onChange,
}: {
  legend: string;
  value: string;
  choices: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="check">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
