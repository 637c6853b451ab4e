import type { ReactNode } from 'react';
import { NotFoundPage } from '../not-found/not-found-page';
import { matchPath } from '../../lib/router';
import { DashboardPage } from './dashboard-page';
import { EditionAdminPage } from './edition-admin-page';
import { ModeratorHome } from './moderator-home';
import { ModeratorsPage } from './moderators-page';
import { OrganizerArea } from './organizer-layout';
import { SectorsPage } from './sectors-page';

function renderOrganizerPage(pathname: string): ReactNode {
  if (matchPath('/organizer', pathname)) return <DashboardPage />;
  if (matchPath('/organizer/moderators', pathname)) return <ModeratorsPage />;
  if (matchPath('/organizer/sectors', pathname)) return <SectorsPage />;
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
  const page = renderOrganizerPage(pathname);
  return page ? <OrganizerArea>{page}</OrganizerArea> : <NotFoundPage />;
}
