import type { Sql } from '../db/sql.js';

/** Writes the icebreaker prompts (jsonb) of a series or an edition; false when it does not exist. */
export interface IcebreakersStore {
  setSeries(sql: Sql, seriesId: string, prompts: readonly string[]): Promise<boolean>;
  setEdition(sql: Sql, editionId: string, prompts: readonly string[]): Promise<boolean>;
}

export const pgIcebreakersStore: IcebreakersStore = {
  async setSeries(sql, seriesId, prompts) {
    const rows = await sql.query(`UPDATE series SET icebreakers = $2::jsonb WHERE id = $1 RETURNING id`, [seriesId, JSON.stringify(prompts)]);
    return rows.length > 0;
  },
  async setEdition(sql, editionId, prompts) {
    const rows = await sql.query(`UPDATE editions SET icebreakers = $2::jsonb WHERE id = $1 RETURNING id`, [editionId, JSON.stringify(prompts)]);
    return rows.length > 0;
  },
};
