import { useI18n } from '../../lib/i18n-context';
import { describeAdminError } from './admin-errors';
import { ConfirmAction } from './confirm-action';

/**
 * Deleting a series or an edition behind the confirm step: `remove` deletes (and moves on); when it
 * fails the question stays open and `onError` gets the reason in words (null when trying again).
 */
export function DeleteAction({
  remove,
  onError,
  ...ask
}: {
  id: string;
  label: string;
  accessibleLabel?: string;
  question: string;
  text: string;
  remove(): Promise<void>;
  onError(message: string | null): void;
}) {
  const { t } = useI18n();
  return (
    <ConfirmAction
      {...ask}
      yes={t.orgDeleteYes}
      no={t.orgDeleteNo}
      busyLabel={t.orgDeleting}
      onConfirm={async () => {
        onError(null);
        try {
          await remove();
        } catch (e) {
          onError(describeAdminError(t, e, 'delete'));
          throw e;
        }
      }}
    />
  );
}
