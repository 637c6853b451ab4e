import { stringify } from 'csv-stringify/sync';
import type { Cell, CsvTable } from './exports.logic.js';

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection),
// the same guard as the registrations CSV (registration/registrations-csv.ts).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text: dates in ISO 8601 (UTC), yes/no for booleans, a quote before a formula start. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A table as CSV, UTF-8 with BOM so spreadsheet programs read accents right. */
export function toCsv(table: CsvTable): string {
  return '\uFEFF' + stringify([table.header, ...table.rows.map((row) => row.map(csvCell))]);
}
