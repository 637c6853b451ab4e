import type { App } from '../app.js';
import type { Database } from '../db/sql.js';

const DEMO_SECTORS = [
  'Bouw / Construction',
  'Consultancy',
  'Financiën / Finance',
  'Gezondheidszorg / Healthcare',
  'Handel / Retail',
  'ICT',
  'Industrie / Manufacturing',
  'Logistiek / Logistics',
  'Marketing & communicatie',
  'Onderwijs / Education',
  'Horeca / Hospitality',
  'Juridisch / Legal',
  'Vastgoed / Real estate',
  'Andere / Other',
];

/**
 * A fresh install gets the story the product comes from: the weekly "Virtuele vrijdag" with 102
 * seats and its next four Fridays open for registration. Does nothing once any series exists.
 * Returns the id of the next open edition, if it created one.
 */
export async function seedDemo(db: Database, services: App['services']): Promise<string | undefined> {
  const [existing] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM series`);
  if ((existing?.n ?? 0) > 0) return undefined;
  const [sectorCount] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sectors`);
  if ((sectorCount?.n ?? 0) === 0) {
    for (const [position, name] of DEMO_SECTORS.entries()) await db.query(`INSERT INTO sectors (name, position) VALUES ($1, $2)`, [name, position]);
  }
  const series = await services.editions.createSeries({
    name: 'Virtuele vrijdag',
    description:
      'Elke vrijdagochtend ontmoet je online andere ondernemers: een korte welkomstsessie, dan vier rondes van 12 minuten aan tafels van ongeveer zes, elk met een moderator. / Every Friday morning, meet fellow entrepreneurs online: a short welcome, then four 12-minute rounds at tables of about six, each with a moderator.',
    language: 'nl',
    timeZone: 'Europe/Brussels',
    weekday: 5,
    startTime: '09:30',
    durationMinutes: 90,
    format: { groupSize: 6, rounds: 4, roundMinutes: 12, plenaryMinutes: 10, moderatorMode: 'rotate' },
    defaultCapacity: 102,
    promotionMode: 'auto',
    offerHours: 24,
    registrationOpensDays: 28,
  });
  const editions = await services.editions.generateEditions(series.id, 4);
  return editions[0]?.id;
}
