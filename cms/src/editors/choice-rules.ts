import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { editorLocale, t } from '../api/registration/messages';
import { CUSTOM_FIELDS, isCountryCode, isOrganisationRole, ORGANISATION_ROLES, ROLE_LABELS } from './choices';

/**
 * The server side of the admin's country select and role checkboxes: every create or update
 * (content manager, API, import, scripts) of a field that is a `global::country` or
 * `global::organisation-roles` custom field must hold a known ISO 3166-1 code, or a list of known
 * roles without repeats; anything else is refused with an error in the editor's language, next to
 * the field, and nothing is written.
 */
export function registerChoiceFields(strapi: Core.Strapi) {
  strapi.customFields.register([
    { name: CUSTOM_FIELDS.country, type: 'string' },
    { name: CUSTOM_FIELDS.roles, type: 'json' },
  ]);
}

type Attribute = { type: string; customField?: string };

function fieldsOf(strapi: Core.Strapi, uid: string, customField: string): string[] {
  const model = strapi.getModel(uid as never) as unknown as { attributes: Record<string, Attribute> } | undefined;
  return Object.entries(model?.attributes ?? {})
    .filter(([, a]) => a.customField === `global::${customField}`)
    .map(([name]) => name);
}

interface DocumentContext {
  action: string;
  uid: string;
  params: { data?: Record<string, unknown> };
}

export function choiceRulesMiddleware(strapi: Core.Strapi) {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    const data = ctx.params?.data;
    if ((ctx.action !== 'create' && ctx.action !== 'update') || !data || !ctx.uid.startsWith('api::')) return next();
    const problems: Array<{ path: string[]; message: string; name: string }> = [];
    const language = editorLocale(strapi);
    const refuse = (field: string, key: string, vars: Record<string, string>) => {
      const message = t(language, key, vars);
      problems.push({ path: [field], message, name: 'ValidationError' });
    };
    for (const field of fieldsOf(strapi, ctx.uid, CUSTOM_FIELDS.country)) {
      const value = data[field];
      // Empty is for `required` to judge (on publish); a value must be a code.
      if (value === undefined || value === null || value === '') continue;
      if (!isCountryCode(value)) refuse(field, 'editor.unknownCountry', { value: String(value) });
    }
    for (const field of fieldsOf(strapi, ctx.uid, CUSTOM_FIELDS.roles)) {
      const value = data[field];
      if (value === undefined || value === null) continue;
      const allowed = ORGANISATION_ROLES.map((r) => `${ROLE_LABELS[r][language]} (${r})`).join(', ');
      if (!Array.isArray(value)) {
        refuse(field, 'editor.rolesNotList', { allowed });
        continue;
      }
      const unknown = value.find((v) => !isOrganisationRole(v));
      if (unknown !== undefined)
        refuse(field, 'editor.unknownRole', {
          value: typeof unknown === 'string' ? unknown : JSON.stringify(unknown),
          allowed,
        });
      // The same role twice means nothing more: kept once.
      else data[field] = [...new Set(value)];
    }
    if (problems.length) throw new errors.ValidationError(problems[0].message, { errors: problems });
    return next();
  };
}
