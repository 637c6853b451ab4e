import { useI18n } from '../../lib/i18n-context';
import { EditionSubpage } from './edition-subpage';
import { InviteeImport } from './invitee-import';

/** `/organizer/editions/:id/import`: invitees from a CSV file. */
export function InviteeImportPage({ editionId }: { editionId: string }) {
  const { t } = useI18n();
  return (
    <EditionSubpage editionId={editionId} title={t.orgImportTitle}>
      {(edition) => <InviteeImport edition={edition} />}
    </EditionSubpage>
  );
}
