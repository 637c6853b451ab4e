import { useEffect } from 'react';

/** Sets the browser tab title to "<title> · Tablehop" while the page is shown. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Tablehop` : 'Tablehop';
  }, [title]);
}
