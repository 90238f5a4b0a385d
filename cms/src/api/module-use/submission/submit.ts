import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import schema from '../content-types/module-use/schema.json';
import { invalidInput } from '../../registration/errors';
import { isUniqueViolation } from '../../registration/register';
import {
  checkFormToken,
  checkHoneypot,
  FieldChecks,
  limitClient,
  limitEmail,
  normaliseEmail,
} from '../../registration/form-checks';
import { isLocale, messageLocale, t } from '../../registration/messages';
import type { ClientContext } from '../../registration/limits/client-ip';
import { signFormToken } from '../../registration/tokens';
import { isCountryCode } from '../../../editors/choices';
import type { LocaleCode } from '../../../i18n/locales';
import type registrationConfig from '../../../../config/registration';

/**
 * "I use this module" (the trainers' corner, a kit's page): a trainer tells the academy they use a
 * module with their learners. The record is personal data: a `module-use` entry without draft &
 * publish that has no REST route, no GraphQL type (src/index.ts disables its shadow CRUD) and no
 * public permission; only the editors who handle personal data read it in the admin
 * (security/roles.ts). The anti-abuse checks are the registration's (registration/form-checks.ts),
 * with the form token signed for FORM_SUBJECT; every refusal happens before anything is written.
 * A form posted twice (a retry, a double click) carries the same form token: its hash is the
 * record's `requestKey`, unique in the database (database/constraints.ts), so it is stored once.
 */
export const FORM_SUBJECT = 'module-use';
export const MODULE_USE = 'api::module-use.module-use';
const MODULE = 'api::module.module';
const a = schema.attributes;
export const LEARNERS_MAX = a.learners.max;

export interface ModuleUseInput {
  fullName: string;
  email: string;
  organisation?: string | null;
  country: string;
  module: string;
  learners?: number | null;
  context?: string | null;
  consent: boolean;
  locale: string;
  formToken: string;
  /** The honeypot. */
  homepage?: string | null;
}

const messageFor = (locale: LocaleCode, key: string, vars: Record<string, string | number> = {}) =>
  t(locale, `moduleUse.errors.${key}`, vars);

async function validate(strapi: Core.Strapi, input: ModuleUseInput, locale: LocaleCode) {
  const checks = new FieldChecks(locale);
  const fullName = checks.text('fullName', input.fullName, a.fullName.maxLength, { required: true });
  const email = checks.email('email', input.email, a.email.maxLength);
  const organisation = checks.text('organisation', input.organisation, a.organisation.maxLength);
  const country = typeof input.country === 'string' ? input.country.trim().toUpperCase() : '';
  if (!country) checks.add('country', 'REQUIRED');
  else if (!isCountryCode(country)) checks.add('country', 'INVALID_VALUE');
  const moduleId = typeof input.module === 'string' ? input.module.trim() : '';
  let moduleTitle = '';
  if (!moduleId || moduleId.length > 64) checks.add('module', 'REQUIRED');
  else {
    // A public request: the draft rule (security/drafts.ts) finds published modules only.
    const found = (await strapi.db.query(MODULE).findOne({
      where: { documentId: moduleId, locale: isLocale(input.locale) ? input.locale : 'en' },
      select: ['documentId', 'title'],
    })) as { title?: string } | null;
    if (!found)
      checks.errors.push({ field: 'module', code: 'INVALID_VALUE', message: messageFor(locale, 'unknownModule') });
    else moduleTitle = String(found.title ?? '');
  }
  const learners = input.learners;
  if (
    learners !== null &&
    learners !== undefined &&
    (!Number.isInteger(learners) || learners < 1 || learners > a.learners.max)
  )
    checks.errors.push({
      field: 'learners',
      code: 'INVALID_VALUE',
      message: messageFor(locale, 'learnersRange', { min: 1, max: a.learners.max }),
    });
  const context = checks.text('context', input.context, a.context.maxLength, { multiline: true });
  if (input.consent !== true)
    checks.errors.push({ field: 'consent', code: 'CONSENT_REQUIRED', message: messageFor(locale, 'consent') });
  if (!isLocale(input.locale)) checks.add('locale', 'INVALID_VALUE');
  if (checks.errors.length > 0) throw invalidInput(locale, checks.errors);
  return {
    fullName,
    email,
    emailNormalized: normaliseEmail(email),
    organisation: organisation || null,
    country,
    module: moduleId,
    moduleTitle: moduleTitle.slice(0, a.moduleTitle.maxLength),
    learners: learners ?? null,
    context: context || null,
  };
}

export function moduleUseFormToken(strapi: Core.Strapi): string {
  return signFormToken(strapi.config.get('server.app.keys') as string[], FORM_SUBJECT);
}

/** `useModule`. Every refusal happens before anything is written; a retried form is stored once. */
export async function useModule(
  strapi: Core.Strapi,
  input: ModuleUseInput,
  ctx: ClientContext,
): Promise<{ received: true }> {
  const locale = messageLocale(input?.locale);
  const config = strapi.config.get('registration') as ReturnType<typeof registrationConfig>;
  await limitClient(strapi, ctx, 'module-use-ip', locale);
  checkHoneypot(locale, input.homepage, 'homepage', 'moduleUse.errors.spam');
  const data = await validate(strapi, input, locale);
  checkFormToken(strapi, locale, input.formToken, FORM_SUBJECT, config);
  await limitEmail(strapi, 'module-use-email', data.emailNormalized, locale, 'email');
  const requestKey = crypto.createHash('sha256').update(String(input.formToken)).digest('hex');
  const { emailNormalized: _normalized, ...record } = data;
  try {
    // Written by the CMS itself, outside the reader's request (as the Atlas's submissions are).
    await strapi.requestContext.run(undefined as never, async () => {
      await strapi.documents(MODULE_USE).create({
        data: {
          ...record,
          consentAt: new Date(),
          policyVersion: String(config.privacyPolicyVersion),
          language: locale,
          requestKey,
        } as never,
      });
    });
  } catch (error) {
    // The same form already stored (a retry): nothing more to write, the answer is the same.
    if (!isUniqueViolation(error)) throw error;
  }
  return { received: true };
}
