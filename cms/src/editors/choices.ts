import { getAlpha2Codes } from 'i18n-iso-countries';
import type { Texts } from './fields';

/**
 * The closed lists behind two fields that are stored as free values (a JSON list, a string) and
 * stay so for partners (GraphQL `roles: JSON`, `country: String`): an organisation's roles and a
 * country (ISO 3166-1 alpha-2, from the `i18n-iso-countries` registry package). The admin shows
 * them as checkboxes and a select (custom fields, src/admin/choice-inputs.tsx); the data layer
 * refuses anything else (src/editors/choice-rules.ts).
 */
export const ORGANISATION_ROLES = ['tools-provider', 'transition-support', 'training', 'network'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** The roles as the site names them (web/i18n/locales: organisations.roles). */
export const ROLE_LABELS: Record<OrganisationRole, Texts> = {
  'tools-provider': {
    en: 'Provides digital tools',
    fr: 'Fournit des outils numériques',
    it: 'Fornisce strumenti digitali',
    es: 'Ofrece herramientas digitales',
  },
  'transition-support': {
    en: 'Supports digital transition',
    fr: 'Accompagne la transition numérique',
    it: 'Accompagna la transizione digitale',
    es: 'Acompaña la transición digital',
  },
  training: { en: 'Trains', fr: 'Forme', it: 'Forma', es: 'Forma' },
  network: { en: 'Network', fr: 'Réseau', it: 'Rete', es: 'Red' },
};

/** Every ISO 3166-1 alpha-2 code (249) and XK for Kosovo (the package's, as the EU uses it), sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(getAlpha2Codes()).sort();

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODES.includes(value);
}

export function isOrganisationRole(value: unknown): value is OrganisationRole {
  return typeof value === 'string' && (ORGANISATION_ROLES as readonly string[]).includes(value);
}

/** The custom fields (schema.json `"customField": "global::…"`), registered on the server and in the admin. */
export const CUSTOM_FIELDS = { country: 'country', roles: 'organisation-roles' } as const;
