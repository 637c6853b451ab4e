import type { ManageView } from '@tablehop/protocol';
import { Link } from '../../components/link';
import { useI18n } from '../../lib/i18n-context';
import './followup.css';

/**
 * The "after the event" section of the manage page: people met and feedback once the edition has
 * started, the next edition once it ended, and the person's data at any time.
 */
export function FollowupLinks({ view, token }: { view: ManageView; token: string }) {
  const { t } = useI18n();
  const base = `/manage/${encodeURIComponent(token)}`;
  const started = view.edition.status === 'live' || view.edition.status === 'ended' || Date.parse(view.edition.startsAt) <= Date.now();
  const attendedStatus = view.registration.status === 'confirmed';
  return (
    <nav className="card fu-links" aria-labelledby="fu-links-title">
      <h2 id="fu-links-title" className="card-title">
        {started && attendedStatus ? t.fuSectionTitle : t.fuLinkPrivacy}
      </h2>
      {started && attendedStatus && <p className="muted small">{t.fuSectionIntro}</p>}
      <ul className="fu-link-list">
        {started && attendedStatus && (
          <>
            <li>
              <Link href={`${base}/met`} className="button button-block">
                {t.fuLinkMet}
              </Link>
            </li>
            <li>
              <Link href={`${base}/feedback`} className="button button-secondary button-block">
                {t.fuLinkFeedback}
              </Link>
            </li>
          </>
        )}
        {view.edition.status === 'ended' && (
          <li>
            <Link href={`${base}/next`} className="button button-secondary button-block">
              {t.fuLinkNext}
            </Link>
          </li>
        )}
        <li>
          <Link href={`${base}/privacy`} className="fu-privacy-link">
            {t.fuLinkPrivacy}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
