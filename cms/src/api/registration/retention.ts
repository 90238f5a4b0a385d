import type { Core } from '@strapi/strapi';
import { forgetMails } from './outbox/outbox';
import { REGISTRATIONS_TABLE, SESSIONS_TABLE, type DbTime } from './tables';

/**
 * Anonymises the registrations of sessions that ended more than REGISTRATION_RETENTION_MONTHS
 * ago: name, email and organisation go, the self-service link stops working, and only the
 * anonymous figures (status, language, dates) remain. One conditional UPDATE: running it again,
 * or on several replicas at once, changes nothing more.
 */
export const ANONYMISED_NAME = 'Anonymised';

export function retentionCutoff(months: number, now = new Date()): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function anonymiseExpiredRegistrations(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const months = Number(strapi.config.get('registration.retentionMonths', 12));
  const cutoff = retentionCutoff(months, now).getTime();
  const db = strapi.db.connection;
  // Few sessions: their end dates are compared here, whatever type the database stores them as.
  const sessions: Array<{ document_id: string; ends_at: DbTime | null }> = await db(SESSIONS_TABLE).distinct(
    'document_id',
    'ends_at',
  );
  const ended = [
    ...new Set(
      sessions
        .filter(
          (s) =>
            s.ends_at != null &&
            new Date(
              typeof s.ends_at === 'string' && /^\d+$/.test(s.ends_at) ? Number(s.ends_at) : s.ends_at,
            ).getTime() < cutoff,
        )
        .map((s) => s.document_id),
    ),
  ];
  if (ended.length === 0) return 0;
  return strapi.db.transaction(async ({ trx }) => {
    const due = trx(REGISTRATIONS_TABLE).whereIn('session_document_id', ended).whereNull('anonymised_at');
    const ids = (await due.clone().select('id')).map((r: { id: number }) => r.id);
    if (ids.length === 0) return 0;
    const placeholder = (suffix: string) => trx.raw(`'anonymised-' || document_id || ?`, [suffix]);
    await trx(REGISTRATIONS_TABLE)
      .whereIn('id', ids)
      .whereNull('anonymised_at')
      .update({
        full_name: ANONYMISED_NAME,
        email: placeholder('@anonymised.invalid'),
        email_normalized: placeholder('@anonymised.invalid'),
        organisation: null,
        // Not a SHA-256 of anything: no token can match it any more.
        token_hash: placeholder(''),
        anonymised_at: new Date(),
        updated_at: new Date(),
      });
    await forgetMails(trx, ids);
    strapi.log.info(
      `Registrations: anonymised ${ids.length} of sessions ended before ${new Date(cutoff).toISOString()}`,
    );
    return ids.length;
  });
}
