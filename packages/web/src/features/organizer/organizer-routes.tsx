import type { ReactNode } from 'react';
import { NotFoundPage } from '../not-found/not-found-page';
import { ModeratorFeedbackPage } from '../followup/moderator-feedback-page';
import { matchPath } from '../../lib/router';
import { EditionReportPage } from '../reports/edition-report-page';
import { SeriesReportPage } from '../reports/series-report-page';
import { DashboardPage } from './dashboard-page';
import { EditionAdminPage } from './edition-admin-page';
import { InviteeImportPage } from './invitee-import-page';
import { MailPreviewsPage } from './mail-previews-page';
import { ModeratorHome } from './moderator-home';
import { ModeratorsPage } from './moderators-page';
import { OrganizerArea } from './organizer-layout';
import { SectorsPage } from './sectors-page';

function renderOrganizerPage(pathname: string): ReactNode {
  if (matchPath('/organizer', pathname)) return <DashboardPage />;
  if (matchPath('/organizer/moderators', pathname)) return <ModeratorsPage />;
  if (matchPath('/organizer/sectors', pathname)) return <SectorsPage />;
  const importPage = matchPath('/organizer/editions/:editionId/import', pathname);
  if (importPage?.editionId) return <InviteeImportPage key={importPage.editionId} editionId={importPage.editionId} />;
  const mailsPage = matchPath('/organizer/editions/:editionId/mails', pathname);
  if (mailsPage?.editionId) return <MailPreviewsPage key={mailsPage.editionId} editionId={mailsPage.editionId} />;
  const editionReport = matchPath('/organizer/editions/:editionId/report', pathname);
  if (editionReport?.editionId) return <EditionReportPage key={editionReport.editionId} editionId={editionReport.editionId} />;
  const seriesReport = matchPath('/organizer/series/:seriesId/report', pathname);
  if (seriesReport?.seriesId) return <SeriesReportPage key={seriesReport.seriesId} seriesId={seriesReport.seriesId} />;
  const edition = matchPath('/organizer/editions/:editionId', pathname);
  if (edition?.editionId) return <EditionAdminPage key={edition.editionId} editionId={edition.editionId} />;
  return null;
}

/**
 * `/organizer/…` and `/moderator`: loaded as a separate chunk, so participants never download the
 * organizer screens.
 */
export default function StaffRoutes({ pathname }: { pathname: string }) {
  if (matchPath('/moderator', pathname)) return <ModeratorHome />;
  const moderatorFeedback = matchPath('/moderator/feedback/:editionId', pathname);
  if (moderatorFeedback?.editionId) return <ModeratorFeedbackPage key={moderatorFeedback.editionId} editionId={moderatorFeedback.editionId} />;
  const page = renderOrganizerPage(pathname);
  return page ? <OrganizerArea>{page}</OrganizerArea> : <NotFoundPage />;
}
