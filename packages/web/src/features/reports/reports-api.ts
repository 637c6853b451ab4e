import type { EditionReport, ExportKind, SeriesReport } from '@tablehop/protocol';
import { requestJson } from '../../lib/api-client';

const segment = encodeURIComponent;

/** The organizer's report endpoints (GET only: the session cookie suffices, no CSRF token). */
export const reportsApi = {
  async editionReport(editionId: string, signal?: AbortSignal): Promise<EditionReport> {
    return (await requestJson<EditionReport>(`/api/editions/${segment(editionId)}/report`, { signal })).data;
  },
  async seriesReport(seriesId: string, signal?: AbortSignal): Promise<SeriesReport> {
    return (await requestJson<SeriesReport>(`/api/series/${segment(seriesId)}/report`, { signal })).data;
  },
  /** Plain links: the browser downloads the file with the session cookie. */
  exportUrl(editionId: string, kind: ExportKind): string {
    return `/api/editions/${segment(editionId)}/exports/${kind}.csv`;
  },
  zoomUrl(editionId: string, round: number): string {
    return `/api/editions/${segment(editionId)}/exports/zoom.csv?round=${round}`;
  },
};
