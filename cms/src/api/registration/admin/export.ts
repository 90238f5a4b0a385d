import type { Core } from '@strapi/strapi';
import { PLACES_TABLE, REGISTRATIONS_TABLE, type RegistrationRow } from '../tables';

/**
 * What editors get of a session's registrations outside the content manager: the counts of the
 * edit view's panel and the CSV export (served by the admin routes of ./routes.ts, through the
 * registration service).
 */

const COLUMNS: Array<[string, (row: RegistrationRow) => unknown]> = [
  ['fullName', (r) => r.full_name],
  ['email', (r) => r.email],
  ['organisation', (r) => r.organisation],
  ['status', (r) => r.registration_status],
  ['language', (r) => r.language],
  ['registeredAt', (r) => r.created_at],
  ['consentAt', (r) => r.consent_at],
  ['privacyPolicyVersion', (r) => r.policy_version],
];

const asText = (value: unknown) => {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && value > 1e11) return new Date(value).toISOString(); // SQLite datetimes
  return String(value);
};

/**
 * Every cell quoted (RFC 4180), and no text a spreadsheet would run as a formula (CSV injection;
 * OWASP's advice: a `'` before it): a cell starting with = + - @, a tab or a carriage return, and
 * such a start after a `;` or `,` or a line break inside the cell, which a spreadsheet that splits
 * on another separator than ours (`;` in many locales) or ignores the quotes takes for the start
 * of a cell: "Probe;=1+2" becomes "Probe;'=1+2".
 */
export function csvCell(value: unknown): string {
  const text = asText(value).replace(/(^|[;,\r\n])(?=[ ]*[=+\-@\t\r])/g, "$1'");
  return `"${text.replace(/"/g, '""')}"`;
}

export async function registrationsCsv(strapi: Core.Strapi, session: string): Promise<string> {
  const rows = await strapi.db
    .connection(REGISTRATIONS_TABLE)
    .where('session_document_id', session)
    .orderByRaw(`CASE registration_status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`)
    .orderBy('id');
  const lines = [
    COLUMNS.map(([name]) => csvCell(name)).join(','),
    ...rows.map((row) => COLUMNS.map(([, pick]) => csvCell(pick(row))).join(',')),
  ];
  // A byte-order mark so that spreadsheet programs read the names as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Confirmed, waitlisted and cancelled counts, and the places left, for the edit-view panel. */
export async function registrationSummary(strapi: Core.Strapi, session: string) {
  const rows: Array<{ registration_status: string; n: number | string }> = await strapi.db
    .connection(REGISTRATIONS_TABLE)
    .select('registration_status')
    .count({ n: '*' })
    .where('session_document_id', session)
    .groupBy('registration_status');
  const count = (status: string) => Number(rows.find((r) => r.registration_status === status)?.n ?? 0);
  const places = await strapi.db.connection(PLACES_TABLE).where('session_document_id', session).first();
  const capacity = Number(places?.capacity ?? 0);
  return {
    confirmed: count('confirmed'),
    waitlisted: count('waitlisted'),
    cancelled: count('cancelled'),
    capacity,
    placesLeft: Math.max(0, capacity - Number(places?.taken ?? 0)),
  };
}
