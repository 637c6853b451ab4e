import { useState } from 'react';
import type { Edition } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { ApiError } from '../../lib/api-client';
import { describeApiError } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { useRequest } from '../../lib/use-request';

/** Assign and remove the moderators of one edition; with automatic capacity the seats follow. */
export function EditionModerators({ edition, onChanged }: { edition: Edition; onChanged(): void }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const data = useRequest(
    async (signal) => {
      const [moderators, assigned] = await Promise.all([
        organizerApi.listModerators(signal),
        organizerApi.listEditionModeratorIds(edition.id, signal),
      ]);
      return { moderators, assigned: new Set(assigned) };
    },
    [edition.id, organizerApi],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const toggle = async (moderatorId: string, name: string, assign: boolean) => {
    setBusy(moderatorId);
    setMessage(null);
    try {
      const updated = assign
        ? await organizerApi.assignModerator(edition.id, moderatorId)
        : await organizerApi.unassignModerator(edition.id, moderatorId);
      setMessage({ ok: true, text: assign ? t.orgAssigned(name, updated.capacity) : t.orgUnassigned(name, updated.capacity) });
      data.reload();
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: describeApiError(t, error instanceof ApiError ? error.code : 'ERR_UNEXPECTED') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="edition-moderators-title">
      <h2 id="edition-moderators-title">{t.orgEditionModerators}</h2>
      <p className="muted small">{edition.capacityIsAuto ? t.orgCapacityFollows(edition.capacity) : t.orgCapacityFixedNote}</p>
      {data.state === 'loading' && <LoadingState />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={data.reload} />}
      {data.state === 'ok' &&
        (data.data.moderators.length === 0 ? (
          <p className="empty">
            {t.orgNoModeratorsToAssign} <Link href="/organizer/moderators">{t.orgInviteModeratorsLink}</Link>
          </p>
        ) : (
          <>
            <p className="small">{t.orgAssignedCount(data.data.assigned.size)}</p>
            <ul className="moderator-list">
              {data.data.moderators.map((moderator) => {
                const assigned = data.data.assigned.has(moderator.id);
                const name = moderator.name || moderator.email;
                return (
                  <li key={moderator.id} className={assigned ? 'moderator-row moderator-assigned' : 'moderator-row'}>
                    <span className="moderator-name">
                      <span>
                        {assigned && (
                          <span className="check-mark" aria-hidden="true">
                            ✓{' '}
                          </span>
                        )}
                        {name}
                      </span>
                      <span className="muted small moderator-email">{moderator.email}</span>
                    </span>
                    <button
                      type="button"
                      className={assigned ? 'button button-small button-danger-ghost' : 'button button-small button-secondary'}
                      aria-label={assigned ? t.orgUnassignModerator(name) : t.orgAssignModerator(name)}
                      onClick={() => void toggle(moderator.id, name, !assigned)}
                      disabled={busy !== null}
                    >
                      {busy === moderator.id ? t.orgWorking : assigned ? t.orgUnassign : t.orgAssign}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        ))}
      <div aria-live="polite" className="form-status">
        {message && <p className={message.ok ? 'alert alert-success' : 'alert alert-error'}>{message.text}</p>}
      </div>
    </section>
  );
}
