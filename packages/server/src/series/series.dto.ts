import type { Series as SeriesView } from '@tablehop/protocol';
import type { Series } from './series.types.js';

export { seriesSchema as seriesDto } from '@tablehop/protocol';

export const toSeriesDto = (s: Series): SeriesView => ({ ...s, createdAt: s.createdAt.toISOString() });
