import type { Core } from '@strapi/strapi';
import schema from '../content-types/organisation/schema.json';
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
import { enqueueOtherMail, kickOutbox } from '../../registration/outbox/outbox';
import type { ClientContext } from '../../registration/limits/client-ip';
import { signFormToken } from '../../registration/tokens';
import { isReservedSlug } from '../../../editors/slugs';
import type { LocaleCode } from '../../../i18n/locales';
import type registrationConfig from '../../../../config/registration';
import type submissionsConfig from '../../../../config/submissions';
import { ORGANISATION, SUBMISSIONS_TABLE } from './table';
import type { SubmissionMailData } from './mails';
import './mails';
import { isCountryCode, isOrganisationRole } from '../../../editors/choices';

/**
 * "Add your organisation": a reader proposes an organisation for the Atlas. It becomes a DRAFT
 * organisation in the reader's language (the public never reads drafts: security/drafts.ts), the
 * reader's name and email go to the private contact table (table.ts), and the outbox gets the
 * acknowledgement and the editors' mail, all in one transaction. The anti-abuse checks are the
 * registration's (registration/form-checks.ts), with the form token signed for FORM_SUBJECT.
 */
export const FORM_SUBJECT = 'organisation-submission';
const THEME = 'api::theme.theme';

export const KINDS = schema.attributes.kind.enum as readonly string[];
export const MAX_SERVICES = 10;
const MIN_YEAR = schema.attributes.foundedYear.min;
const CONTACT_MAX = { fullName: 120, email: 254 };

export interface SubmissionInput {
  name: string;
  description: string;
  kind: string;
  roles?: string[] | null;
  country: string;
  city?: string | null;
  website?: string | null;
  services?: string[] | null;
  foundedYear?: number | null;
  contactName: string;
  contactEmail: string;
  consent: boolean;
  locale: string;
  formToken: string;
  /** The honeypot. */
  homepage?: string | null;
}

/** Every field checked at once, as the content type would (lengths, enumerations, formats). */
async function validate(strapi: Core.Strapi, input: SubmissionInput, locale: LocaleCode) {
  const checks = new FieldChecks(locale);
  const a = schema.attributes;
  const name = checks.text('name', input.name, a.name.maxLength, { required: true });
  const description = checks.text('description', input.description, a.description.maxLength, {
    required: true,
    multiline: true,
  });
  const kind = typeof input.kind === 'string' ? input.kind.trim() : '';
  if (!kind) checks.add('kind', 'REQUIRED');
  else if (!KINDS.includes(kind)) checks.add('kind', 'INVALID_VALUE');
  const roles = Array.isArray(input.roles) ? [...new Set(input.roles)] : [];
  if (!roles.every(isOrganisationRole)) checks.add('roles', 'INVALID_VALUE');
  const country = typeof input.country === 'string' ? input.country.trim().toUpperCase() : '';
  if (!country) checks.add('country', 'REQUIRED');
  else if (!isCountryCode(country)) checks.add('country', 'INVALID_VALUE');
  const city = checks.text('city', input.city, a.city.maxLength);
  const website = checks.text('website', input.website, a.website.maxLength);
  if (website && !checks.errors.some((e) => e.field === 'website')) {
    let valid = false;
    try {
      const url = new URL(website);
      valid = /^https?:$/.test(url.protocol) && url.hostname.includes('.') && /^https?:\/\//i.test(website);
    } catch {
      valid = false;
    }
    if (!valid) checks.add('website', 'INVALID_VALUE');
  }
  const services = Array.isArray(input.services) ? [...new Set(input.services.map(String))] : [];
  if (services.length > MAX_SERVICES) checks.add('services', 'INVALID_VALUE');
  else if (services.length) {
    // A public request: the draft rule (security/drafts.ts) finds published themes only.
    const found = await strapi.db
      .query(THEME)
      .findMany({ where: { documentId: { $in: services }, locale }, select: ['documentId'] });
    if (new Set(found.map((theme: { documentId: string }) => theme.documentId)).size !== services.length)
      checks.errors.push({ field: 'services', code: 'INVALID_VALUE', message: messageFor(locale, 'unknownTheme') });
  }
  const year = input.foundedYear;
  const maxYear = new Date().getUTCFullYear();
  if (year !== null && year !== undefined && (!Number.isInteger(year) || year < MIN_YEAR || year > maxYear))
    checks.errors.push({
      field: 'foundedYear',
      code: 'INVALID_VALUE',
      message: messageFor(locale, 'yearRange', { min: MIN_YEAR, max: maxYear }),
    });
  const contactName = checks.text('contactName', input.contactName, CONTACT_MAX.fullName, { required: true });
  const contactEmail = checks.email('contactEmail', input.contactEmail, CONTACT_MAX.email);
  if (input.consent !== true) checks.add('consent', 'CONSENT_REQUIRED');
  if (!isLocale(input.locale)) checks.add('locale', 'INVALID_VALUE');
  if (checks.errors.length > 0) throw invalidInput(locale, checks.errors);
  return {
    organisation: {
      name,
      description,
      kind,
      roles: roles.length ? roles : null,
      country,
      city: city || null,
      website: website || null,
      services,
      foundedYear: year ?? null,
    },
    contact: { fullName: contactName, email: contactEmail, emailNormalized: normaliseEmail(contactEmail) },
  };
}

const messageFor = (locale: LocaleCode, key: string, vars: Record<string, string | number> = {}) =>
  t(locale, `submission.errors.${key}`, vars);

/** A slug from the name, unique among organisations and never one of the site's reserved segments. */
async function slugFor(strapi: Core.Strapi, name: string): Promise<string> {
  const uid = strapi.plugin('content-manager').service('uid') as unknown as {
    generateUIDField(args: { contentTypeUID: string; field: string; data: object }): Promise<string>;
  };
  let slug = await uid.generateUIDField({ contentTypeUID: ORGANISATION, field: 'slug', data: { name } });
  for (let n = 1; isReservedSlug(ORGANISATION, slug) || !slug; n++)
    slug = await uid.generateUIDField({
      contentTypeUID: ORGANISATION,
      field: 'slug',
      data: { name: `${name || 'organisation'} ${n}` },
    });
  return slug;
}

/** The admin's edit view of the draft (the editors' mail). */
export function adminEditUrl(strapi: Core.Strapi, documentId: string, locale: string): string {
  const admin =
    String(strapi.config.get('admin.absoluteUrl') ?? '') || `${strapi.config.get('server.absoluteUrl') ?? ''}/admin`;
  return `${admin.replace(/\/+$/, '')}/content-manager/collection-types/${ORGANISATION}/${documentId}?plugins[i18n][locale]=${locale}`;
}

export function submissionFormToken(strapi: Core.Strapi): string {
  return signFormToken(strapi.config.get('server.app.keys') as string[], FORM_SUBJECT);
}

/** `submitOrganisation`. Every refusal happens before anything is written. */
export async function submitOrganisation(
  strapi: Core.Strapi,
  input: SubmissionInput,
  ctx: ClientContext,
): Promise<{ received: true }> {
  const locale = messageLocale(input?.locale);
  const config = strapi.config.get('registration') as ReturnType<typeof registrationConfig>;
  const settings = strapi.config.get('submissions') as ReturnType<typeof submissionsConfig>;
  await limitClient(strapi, ctx, 'submission-ip', locale);
  checkHoneypot(locale, input.homepage, 'homepage', 'submission.errors.spam');
  const data = await validate(strapi, input, locale);
  checkFormToken(strapi, locale, input.formToken, FORM_SUBJECT, config);
  await limitEmail(strapi, 'submission-email', data.contact.emailNormalized, locale, 'contactEmail');

  const write = async () => {
    const slug = await slugFor(strapi, data.organisation.name);
    await strapi.db.transaction(async ({ trx }) => {
      const created = await strapi.documents(ORGANISATION).create({
        locale,
        status: 'draft',
        data: { ...data.organisation, slug, isConsortiumPartner: false } as never,
      });
      await trx(SUBMISSIONS_TABLE).insert({
        organisation_document_id: created.documentId,
        locale,
        full_name: data.contact.fullName,
        email: data.contact.email,
        created_at: Date.now(),
      });
      const received: SubmissionMailData = {
        to: data.contact.email,
        locale,
        organisationName: data.organisation.name,
        fullName: data.contact.fullName,
      };
      await enqueueOtherMail(trx, 'submission-received', { ...received });
      if (settings.editorsEmail) {
        const o = data.organisation;
        const editors: SubmissionMailData = {
          to: settings.editorsEmail,
          locale: 'en',
          organisationName: o.name,
          link: adminEditUrl(strapi, created.documentId, locale),
          details: [
            ['name', o.name],
            ['language', locale],
            ['country', o.country],
            ...(o.city ? [['city', o.city] as [string, string]] : []),
            ...(o.website ? [['website', o.website] as [string, string]] : []),
            ['contact', `${data.contact.fullName} <${data.contact.email}>`],
          ],
        };
        await enqueueOtherMail(trx, 'submission-editors', { ...editors });
      } else
        strapi.log.warn('Organisation submission: ORGANISATION_SUBMISSIONS_EMAIL is not set, no mail to the editors');
    });
  };
  // Two proposals of the same name at once: the unique slug index refuses the second, which takes the next slug.
  for (let attempt = 1; ; attempt++) {
    try {
      // Checked, the proposal is written by the CMS itself, outside the reader's request: its
      // draft is the CMS's own write (the draft rule of security/drafts.ts keeps the public's
      // reads to published rows, and writing a draft reads draft rows).
      await strapi.requestContext.run(undefined as never, write);
      break;
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
  kickOutbox(strapi);
  return { received: true };
}
