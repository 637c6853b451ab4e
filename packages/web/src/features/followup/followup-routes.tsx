import type { ReactNode } from 'react';
import { matchPath } from '../../lib/router';
import { NotFoundPage } from '../not-found/not-found-page';
import { FeedbackPage } from './feedback-page';
import { MetPage } from './met-page';
import { NextEditionPage } from './next-edition-page';
import { PrivacyPage } from './privacy-page';

const pages: Record<string, (token: string) => ReactNode> = {
  met: (token) => <MetPage key={token} token={token} />,
  feedback: (token) => <FeedbackPage key={token} token={token} />,
  privacy: (token) => <PrivacyPage key={token} token={token} />,
  next: (token) => <NextEditionPage key={token} token={token} />,
};

/** `/manage/:token/met|feedback|privacy|next`: loaded as its own chunk, after the event. */
export default function FollowupRoutes({ pathname }: { pathname: string }) {
  const match = matchPath('/manage/:token/:page', pathname);
  const page = match?.page && Object.hasOwn(pages, match.page) ? pages[match.page] : undefined;
  return page && match?.token ? page(match.token) : <NotFoundPage />;
}
