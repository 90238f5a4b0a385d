import type { Core } from '@strapi/strapi';
import { loadSession } from './sessions';
import { PLACES_TABLE, REGISTRATIONS_TABLE } from './tables';

/**
 * CSV export of a session's registrations for editors: an admin route (admin JWT, and the
 * permission to read registrations in the content manager), used by the button in the
 * training-session edit view (src/admin/).
 */
export const EXPORT_PREFIX = '/registration-export';

const COLUMNS: Array<[string, (row: any) => unknown]> = [
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
  const rows = await strapi.db.connection(REGISTRATIONS_TABLE)
    .where('session_document_id', session)
    .orderByRaw(`CASE registration_status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`)
    .orderBy('id');
  const lines = [COLUMNS.map(([name]) => csvCell(name)).join(','), ...rows.map((row) => COLUMNS.map(([, pick]) => csvCell(pick(row))).join(','))];
  // A byte-order mark so that spreadsheet programs read the names as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Confirmed, waitlisted and cancelled counts, and the places left, for the edit-view panel. */
export async function registrationSummary(strapi: Core.Strapi, session: string) {
  const rows: Array<{ registration_status: string; n: number | string }> = await strapi.db.connection(REGISTRATIONS_TABLE)
    .select('registration_status').count({ n: '*' }).where('session_document_id', session).groupBy('registration_status');
  const count = (status: string) => Number(rows.find((r) => r.registration_status === status)?.n ?? 0);
  const places = await strapi.db.connection(PLACES_TABLE).where('session_document_id', session).first();
  const capacity = Number(places?.capacity ?? 0);
  return { confirmed: count('confirmed'), waitlisted: count('waitlisted'), cancelled: count('cancelled'), capacity, placesLeft: Math.max(0, capacity - Number(places?.taken ?? 0)) };
}

export function registrationExportRoutes(strapi: Core.Strapi): any {
  const policies = [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.read', 'api::registration.registration']] } },
  ];
  return {
    type: 'admin',
    prefix: EXPORT_PREFIX,
    routes: [
      {
        method: 'GET',
        path: '/sessions/:documentId/summary',
        handler: async (ctx: any) => {
          ctx.set('Cache-Control', 'no-store');
          ctx.body = await registrationSummary(strapi, String(ctx.params.documentId));
        },
        config: { policies },
      },
      {
        method: 'GET',
        path: '/sessions/:documentId/registrations.csv',
        handler: async (ctx: any) => {
          const session = await loadSession(strapi.db.connection, ctx.params.documentId);
          if (!session) return ctx.notFound('No such training session');
          const slug = session.texts.get('en')?.slug ?? session.documentId;
          ctx.set('Content-Disposition', `attachment; filename="registrations-${slug.replace(/[^a-z0-9-]/gi, '')}.csv"`);
          ctx.set('Cache-Control', 'no-store');
          ctx.type = 'text/csv; charset=utf-8';
          ctx.body = await registrationsCsv(strapi, session.documentId);
        },
        config: { policies },
      },
    ],
  };
}
