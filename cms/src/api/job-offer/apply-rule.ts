import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { editorLocale } from '../registration/messages';
import type { LocaleCode } from '../../i18n/locales';
import { JOB_OFFER } from '../../security/expiry';

/**
 * How to apply: an offer is published with an application link (`applyUrl`), an address
 * (`applyEmail`), or both, never with neither. A Document Service middleware, so the content
 * manager, the API and scripts all go through it; drafts may be incomplete, as with Strapi's own
 * required fields. The error is in the editor's admin language, next to both fields.
 */
export const APPLY_REQUIRED: Record<LocaleCode, string> = {
  en: 'Give at least one way to apply: an application link (https://…) or an email address.',
  fr: 'Indiquez au moins un moyen de postuler : un lien de candidature (https://…) ou une adresse e-mail.',
  it: 'Indicate almeno un modo per candidarsi: un link per la candidatura (https://…) o un indirizzo e-mail.',
  es: 'Indique al menos una forma de postularse: un enlace de candidatura (https://…) o una dirección de correo electrónico.',
};

type Row = Record<string, unknown>;
interface DocumentContext {
  action: string;
  uid: string;
  params: { documentId?: string; locale?: string | string[]; status?: string; data?: Row };
}

const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export function applyError(strapi: Core.Strapi) {
  const message = APPLY_REQUIRED[editorLocale(strapi)];
  return new errors.ValidationError(message, {
    errors: ['applyUrl', 'applyEmail'].map((field) => ({ path: [field], message, name: 'ValidationError' })),
  });
}

export function applyRuleMiddleware(strapi: Core.Strapi) {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    if (ctx.uid !== JOB_OFFER) return next();
    const publishing = ctx.action === 'publish';
    const writingPublished = (ctx.action === 'create' || ctx.action === 'update') && ctx.params.status === 'published';
    if (!publishing && !writingPublished) return next();
    const data = ctx.params.data ?? {};
    // Both fields are shared by the locales: any draft row of the document holds them.
    const stored: Row =
      ctx.params.documentId && (publishing || ctx.action === 'update')
        ? (((await strapi.db.query(JOB_OFFER as never).findOne({
            where: { documentId: ctx.params.documentId, publishedAt: null },
            select: ['applyUrl', 'applyEmail'],
          })) as Row | null) ?? {})
        : {};
    const version = publishing ? stored : { ...stored, ...data };
    if (!given(version.applyUrl) && !given(version.applyEmail)) throw applyError(strapi);
    return next();
  };
}
