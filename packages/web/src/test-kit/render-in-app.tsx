import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { I18nProvider } from '../lib/i18n-context';

/** Renders `node` inside the providers every participant page has (the language). */
export const renderInApp = (node: ReactNode) => render(<I18nProvider>{node}</I18nProvider>);
