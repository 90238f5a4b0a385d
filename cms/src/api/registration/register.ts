import type { Core } from '@strapi/strapi';
import schema from './content-types/registration/schema.json';
import { registrationState } from '../training-session/registration-state';
import type { ClientContext } from './limits/client-ip';
import { invalidInput, refusal } from './errors';
import { checkFormToken, checkHoneypot, FieldChecks, limitClient, limitEmail, normaliseEmail } from './form-checks';
import { isLocale, messageLocale } from './messages';
import { enqueueMail, kickOutbox } from './outbox/outbox';
import { ensurePlacesRow, placesLeftBySession, takePlace } from './places/places';
import { asRegistrationFlow } from './places/flow';
import { registrationSessionTitle } from './admin/session-title';
import { loadSession } from './sessions';
import { REGISTRATIONS_TABLE } from './tables';
import { newSelfServiceToken } from './tokens';
import type { LocaleCode } from '../../i18n/locales';
import type registrationConfig from '../../../config/registration';

/** config/registration.ts, as `strapi.config.get('registration')` returns it. */
type RegistrationConfig = ReturnType<typeof registrationConfig>;

export const REGISTRATION = 'api::registration.registration';

export interface RegistrationInput {
  session: string;
  fullName: string;
  email: string;
  organisation?: string | null;
  consent: boolean;
  locale: string;
  formToken: string;
  website?: string | null;
}

export interface RegistrationOutcome {
  status: 'confirmed' | 'waitlisted';
  placesLeft: number;
}

const MAX_LENGTH = {
  fullName: schema.attributes.fullName.maxLength,
  email: schema.attributes.email.maxLength,
  organisation: schema.attributes.organisation.maxLength,
};

export { normaliseEmail };

interface CleanInput {
  session: string;
  fullName: string;
  email: string;
  emailNormalized: string;
  organisation: string | null;
  language: LocaleCode;
}

/** Every field checked at once, so that the site can show each message next to its field. */
function validate(input: RegistrationInput, locale: LocaleCode): CleanInput {
  const checks = new FieldChecks(locale);
  const fullName = checks.text('fullName', input.fullName, MAX_LENGTH.fullName, { required: true });
  const email = checks.email('email', input.email, MAX_LENGTH.email);
  const organisation = checks.text('organisation', input.organisation, MAX_LENGTH.organisation);
  if (input.consent !== true) checks.add('consent', 'CONSENT_REQUIRED');
  if (!isLocale(input.locale)) checks.add('locale', 'INVALID_VALUE');
  if (checks.errors.length > 0) throw invalidInput(locale, checks.errors);
  return {
    session: String(input.session ?? ''),
    fullName,
    email,
    emailNormalized: normaliseEmail(email),
    organisation: organisation || null,
    language: locale,
  };
}

/** The database's unique index refused the row (one live registration per session and normalised email). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, cause, message } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
  const sqlCode = code ?? cause?.code;
  return (
    sqlCode === '23505' ||
    sqlCode === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed|duplicate key value/.test(String(message))
  );
}

async function liveRegistration(strapi: Core.Strapi, session: string, emailNormalized: string) {
  return strapi.db
    .connection(REGISTRATIONS_TABLE)
    .first('id', { status: 'registration_status' })
    .where({ session_document_id: session, email_normalized: emailNormalized })
    .whereNot('registration_status', 'cancelled');
}

async function placesLeft(strapi: Core.Strapi, session: string): Promise<number> {
  return (await placesLeftBySession(strapi.db.connection, [session])).get(session) ?? 0;
}

/**
 * `registerForTrainingSession`. Every refusal happens before anything is written; the place,
 * the registration and its mail are committed together or not at all.
 */
export async function registerForTrainingSession(
  strapi: Core.Strapi,
  input: RegistrationInput,
  ctx: ClientContext,
): Promise<RegistrationOutcome> {
  const locale = messageLocale(input?.locale);
  const config = strapi.config.get('registration') as RegistrationConfig;

  await limitClient(strapi, ctx, 'ip', locale);
  checkHoneypot(locale, input.website, 'website');
  const data = validate(input, locale);
  checkFormToken(strapi, locale, input.formToken, data.session, config);

  const session = await loadSession(strapi.db.connection, data.session);
  if (!session?.published) throw refusal(locale, 'SESSION_NOT_FOUND', { field: 'session' });
  if (session.externalRegistrationUrl) {
    throw refusal(locale, 'EXTERNAL_REGISTRATION', {
      field: 'session',
      extensions: { url: session.externalRegistrationUrl },
    });
  }
  // Dates alone decide here; capacity decides between confirmed and waitlisted below.
  const state = registrationState(session, 1);
  if (state === 'past') throw refusal(locale, 'SESSION_PAST', { field: 'session' });
  if (state === 'not-open') throw refusal(locale, 'REGISTRATION_NOT_OPEN', { field: 'session' });
  if (state === 'closed') throw refusal(locale, 'REGISTRATION_CLOSED', { field: 'session' });

  await limitEmail(strapi, 'email', data.emailNormalized, locale);

  // The same person again: their registration as it is, and no new mail.
  const again = async () => {
    const existing = await liveRegistration(strapi, session.documentId, data.emailNormalized);
    return existing ? { status: existing.status, placesLeft: await placesLeft(strapi, session.documentId) } : null;
  };
  const existing = await again();
  if (existing) return existing;

  let status: RegistrationOutcome['status'];
  try {
    status = await asRegistrationFlow(() =>
      strapi.db.transaction(async ({ trx }) => {
        await ensurePlacesRow(trx, session.documentId, session.capacity);
        const confirmed = await takePlace(trx, session.documentId);
        const { token, hash } = newSelfServiceToken();
        const created = await strapi.documents(REGISTRATION).create({
          data: {
            sessionDocumentId: session.documentId,
            sessionTitle: registrationSessionTitle(session),
            fullName: data.fullName,
            email: data.email,
            emailNormalized: data.emailNormalized,
            organisation: data.organisation,
            consentAt: new Date(),
            policyVersion: String(config.privacyPolicyVersion),
            registrationStatus: confirmed ? 'confirmed' : 'waitlisted',
            language: data.language,
            tokenHash: hash,
          },
        });
        await enqueueMail(trx, Number(created.id), confirmed ? 'confirmation' : 'waitlist', token);
        return confirmed ? 'confirmed' : 'waitlisted';
      }),
    );
  } catch (error) {
    // Registered meanwhile by a concurrent request: the unique index refused the second row,
    // and the rollback gave back the place this attempt had taken.
    if (isUniqueViolation(error)) {
      const found = await again();
      if (found) return found;
    }
    throw error;
  }
  kickOutbox(strapi);
  return { status, placesLeft: await placesLeft(strapi, session.documentId) };
}
