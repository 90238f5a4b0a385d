import type { Core } from '@strapi/strapi';
import { LOCALES, type LocaleCode } from '../i18n/locales';

/**
 * The editorial roles of the admin panel, owned by code: created on first start and set back to
 * these permissions on every start (a change made in Settings › Roles lasts until the next start;
 * change it here). Strapi's stock Editor and Author (Editor edited English only and had full CRUD
 * on registrations) are removed when no one holds them, else given the publisher's permissions.
 *
 * - a translator per locale: reads every locale (the source they translate from), creates, edits
 *   and publishes their own locale only; never deletes; never sees registrations;
 * - the publisher: every locale, every action, including publish and delete; no registrations;
 * - the registrations manager: the only role (with the super admin) that reads registrations and
 *   their CSV export, and the trainers' "I use this module" records (personal data), and reads
 *   training sessions to find them.
 *
 * Content types are read from the running schema: a new `api::` type is editorial by default,
 * the personal-data types are the listed exception.
 */
export const PERSONAL_DATA_TYPES = ['api::registration.registration', 'api::module-use.module-use'] as const;
export const TRAINING_SESSION = 'api::training-session.training-session';

const CM = 'plugin::content-manager.explorer';
export const ACTIONS = {
  create: `${CM}.create`,
  read: `${CM}.read`,
  update: `${CM}.update`,
  delete: `${CM}.delete`,
  publish: `${CM}.publish`,
} as const;

export const ROLE_CODES = {
  publisher: 'academy-publisher',
  registrations: 'academy-registrations-manager',
  translator: (locale: LocaleCode) => `academy-translator-${locale}`,
} as const;

const LANGUAGE_NAMES: Record<LocaleCode, string> = { en: 'English', fr: 'French', it: 'Italian', es: 'Spanish' };

interface RoleSpec {
  code: string;
  name: string;
  description: string;
  permissions: Permission[];
}

interface AdminRole {
  id: number;
  code: string;
  name: string;
  description?: string;
}

/** What this file uses of Strapi's admin role service (admin/server/src/services/role). */
interface RoleService {
  findOne(where: Partial<AdminRole>): Promise<AdminRole | null>;
  create(data: Omit<AdminRole, 'id'>): Promise<AdminRole>;
  update(where: { id: number }, data: Partial<AdminRole>): Promise<AdminRole>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
  getUsersCount(roleId: number): Promise<number>;
  deleteByIds(ids: number[]): Promise<unknown>;
}

interface Permission {
  action: string;
  subject?: string;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

/** The media library: read, upload, edit and download files (the content needs them). */
const MEDIA: Permission[] = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
].map((action) => ({ action }));

export function editorialTypes(strapi: Core.Strapi): string[] {
  return Object.keys(strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .filter((uid) => !(PERSONAL_DATA_TYPES as readonly string[]).includes(uid))
    .sort();
}

function isLocalized(strapi: Core.Strapi, uid: string): boolean {
  const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
    { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
  return model?.pluginOptions?.i18n?.localized === true;
}

/**
 * The content-manager permissions of `actions` on `subjects`, on every field (nested component
 * fields included, as Strapi's role editor writes them) and, for localized types, on `locales`.
 */
function contentPermissions(
  strapi: Core.Strapi,
  actions: string[],
  subjects: string[],
  locales: readonly string[],
): Permission[] {
  const { actionProvider } = strapi.service('admin::permission') as unknown as {
    actionProvider: { get(id: string): unknown };
  };
  const contentTypes = strapi.service('admin::content-type') as unknown as {
    getPermissionsWithNestedFields(actions: unknown[]): Permission[];
  };
  const registered = actions.map((id) => actionProvider.get(id)).filter(Boolean);
  const all: Permission[] = contentTypes.getPermissionsWithNestedFields(registered);
  return all
    .filter((p) => p.subject && subjects.includes(p.subject))
    .map((p) => {
      const properties: Permission['properties'] = {};
      if (p.properties?.fields) properties.fields = p.properties.fields;
      if (isLocalized(strapi, p.subject!)) properties.locales = [...locales];
      return { action: p.action, subject: p.subject, properties, conditions: [] };
    });
}

export function roleSpecs(strapi: Core.Strapi, localeCodes: readonly string[]): RoleSpec[] {
  const editorial = editorialTypes(strapi);
  const { create, read, update, delete: remove, publish } = ACTIONS;
  const publisher: Permission[] = [
    ...contentPermissions(strapi, [create, read, update, remove, publish], editorial, localeCodes),
    ...MEDIA,
  ];
  const translators = LOCALES.filter((l) => localeCodes.includes(l.code)).map((locale): RoleSpec => ({
    code: ROLE_CODES.translator(locale.code),
    name: `Translator (${LANGUAGE_NAMES[locale.code]})`,
    description: `Reads every language; creates, edits and publishes the ${LANGUAGE_NAMES[locale.code]} (${locale.code}) version only. No delete, no registrations.`,
    permissions: [
      ...contentPermissions(strapi, [read], editorial, localeCodes),
      ...contentPermissions(strapi, [create, update, publish], editorial, [locale.code]),
      ...MEDIA,
    ],
  }));
  return [
    ...translators,
    {
      code: ROLE_CODES.publisher,
      name: 'Publisher',
      description: 'Creates, edits, publishes, unpublishes and deletes content in every language. No registrations.',
      permissions: publisher,
    },
    {
      code: ROLE_CODES.registrations,
      name: 'Registrations manager',
      description:
        'The only role that reads, corrects, cancels, erases and exports registrations, and reads the trainers\' "I use this module" records (personal data); reads training sessions.',
      permissions: [
        ...contentPermissions(strapi, [read, update, remove], [...PERSONAL_DATA_TYPES], localeCodes),
        ...contentPermissions(strapi, [read], [TRAINING_SESSION], localeCodes),
      ],
    },
  ];
}

/** Creates the editorial roles where missing, sets their permissions, fixes or removes the stock roles. */
export async function ensureEditorialRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
  const localeCodes = locales.map((l) => l.code);
  const specs = roleSpecs(strapi, localeCodes);
  for (const spec of specs) {
    let role = await roles.findOne({ code: spec.code });
    if (!role) {
      // A role of that name made by hand takes the code (and is then owned by this file).
      const byName = await roles.findOne({ name: spec.name });
      role = byName
        ? ((await strapi.db
            .query('admin::role')
            .update({ where: { id: byName.id }, data: { code: spec.code } })) as AdminRole)
        : await roles.create({ code: spec.code, name: spec.name, description: spec.description });
    }
    if (role.name !== spec.name || role.description !== spec.description) {
      await roles.update({ id: role.id }, { name: spec.name, description: spec.description });
    }
    await roles.assignPermissions(role.id, spec.permissions);
  }

  const publisher = specs.find((s) => s.code === ROLE_CODES.publisher)!;
  for (const code of ['strapi-editor', 'strapi-author']) {
    const stock = await roles.findOne({ code });
    if (!stock) continue;
    if ((await roles.getUsersCount(stock.id)) === 0) {
      await roles.deleteByIds([stock.id]);
      continue;
    }
    // Someone still holds it: no registrations, every locale (an Author only on what they created).
    const permissions =
      code === 'strapi-author'
        ? publisher.permissions
            .filter((p) => p.action !== ACTIONS.publish && p.action !== ACTIONS.delete)
            .map((p) => (p.subject ? { ...p, conditions: ['admin::is-creator'] } : p))
        : publisher.permissions;
    await roles.assignPermissions(stock.id, permissions);
    strapi.log.warn(`The stock role "${stock.name}" is still held: its permissions were set to the publisher's`);
  }
}
