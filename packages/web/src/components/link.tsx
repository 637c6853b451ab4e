import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { isPlainClick, navigate } from '../lib/router';

/** An `<a>` that navigates inside the app on a plain click and stays a real link otherwise. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!isPlainClick(event) || rest.target) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}

/** The way back above a page's title: "← {children}". */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="back-link">
      <span aria-hidden="true">←</span> {children}
    </Link>
  );
}
