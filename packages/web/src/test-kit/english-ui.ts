import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';

/** For every test of the calling file (jsdom): the interface in English; after each test, unmounts and forgets it. */
export function setupEnglishUi(): void {
  beforeEach(() => window.localStorage.setItem('tablehop.language', 'en'));
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
  });
}
