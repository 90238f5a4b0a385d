import { DEFAULT_LOCALE, type LocaleCode } from '../../i18n/locales';
import { SESSIONS_TABLE, type Db, type DbTime, type Trx } from './tables';

/** The columns of `training_sessions` read here (one row per locale and draft/published version). */
interface SessionRow {
  locale: string;
  published_at: DbTime | null;
  title: string;
  slug: string;
  venue: string | null;
  capacity: number | string | null;
  starts_at: DbTime;
  ends_at: DbTime;
  registration_opens_at: DbTime | null;
  registration_closes_at: DbTime | null;
  external_registration_url: string | null;
  timezone: string | null;
  format: string;
}

/** What the registration flow needs of a training session (shared fields plus each locale's texts). */
export interface SessionFacts {
  documentId: string;
  published: boolean;
  capacity: number;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  externalRegistrationUrl: string | null;
  timezone: string;
  format: string;
  texts: Map<string, { locale: string; title: string; slug: string; venue: string | null }>;
}

// SQLite returns datetimes as epoch milliseconds, PostgreSQL as Date objects.
const toDate = (value: DbTime | null): Date | null =>
  value == null || value === ''
    ? null
    : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** The session by documentId: its published version, or its draft when it was never published. */
export async function loadSession(db: Db | Trx, documentId: string): Promise<SessionFacts | null> {
  if (typeof documentId !== 'string' || documentId.length === 0 || documentId.length > 64) return null;
  const rows: SessionRow[] = await db(SESSIONS_TABLE)
    .select(
      'locale',
      'published_at',
      'title',
      'slug',
      'venue',
      'capacity',
      'starts_at',
      'ends_at',
      'registration_opens_at',
      'registration_closes_at',
      'external_registration_url',
      'timezone',
      'format',
    )
    .where('document_id', documentId);
  const published = rows.filter((row) => row.published_at != null);
  const chosen = published.length > 0 ? published : rows;
  if (chosen.length === 0) return null;
  const shared = chosen.find((row) => row.locale === DEFAULT_LOCALE) ?? chosen[0];
  return {
    documentId,
    published: published.length > 0,
    capacity: Number(shared.capacity ?? 0),
    startsAt: toDate(shared.starts_at) as Date,
    endsAt: toDate(shared.ends_at) as Date,
    registrationOpensAt: toDate(shared.registration_opens_at),
    registrationClosesAt: toDate(shared.registration_closes_at),
    externalRegistrationUrl: shared.external_registration_url || null,
    timezone: shared.timezone || 'Europe/Brussels',
    format: shared.format,
    texts: new Map(
      chosen.map((row) => [
        row.locale,
        { locale: row.locale, title: row.title, slug: row.slug, venue: row.venue ?? null },
      ]),
    ),
  };
}

/** The session's texts in the registrant's language, else in the default one. */
export function sessionTexts(session: SessionFacts, locale: LocaleCode) {
  return session.texts.get(locale) ?? session.texts.get(DEFAULT_LOCALE) ?? [...session.texts.values()][0];
}
