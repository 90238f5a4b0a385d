import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The site has no reader accounts: nobody creates a users-permissions account, asks for a
 * password reset or confirms an email from outside (each would answer whether an address has an
 * account, and send mail on an attacker's behalf).
 *
 * - The plugin's advanced settings say so (registration off, no email confirmation, no reset page).
 * - The public role loses the permissions of these actions: REST `/api/auth/local/register`,
 *   `/api/auth/forgot-password`, `/reset-password`, `/email-confirmation`,
 *   `/send-email-confirmation` answer 403.
 * - Their GraphQL mutations are declared `auth: false` by the plugin, so they ignore permissions:
 *   a resolver middleware checks the same permission as REST before they run.
 */
export const CLOSED_ACCOUNT_ACTIONS = [
  'register',
  'forgotPassword',
  'resetPassword',
  'emailConfirmation',
  'sendEmailConfirmation',
].map((action) => `plugin::users-permissions.auth.${action}`);

const CLOSED_SETTINGS = { allow_register: false, email_confirmation: false, email_reset_password: null } as const;

/** Sets the advanced settings and removes the public role's permissions, changing only what differs. */
export async function closeReaderAccounts(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get({})) ?? {}) as Record<string, unknown>;
  if (Object.entries(CLOSED_SETTINGS).some(([key, value]) => advanced[key] !== value)) {
    await store.set({ value: { ...advanced, ...CLOSED_SETTINGS } });
  }
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');
  await strapi.db
    .query('plugin::users-permissions.permission')
    .deleteMany({ where: { role: role.id, action: { $in: CLOSED_ACCOUNT_ACTIONS } } });
}

const MUTATIONS: Record<string, string> = {
  'Mutation.register': 'register',
  'Mutation.forgotPassword': 'forgotPassword',
  'Mutation.resetPassword': 'resetPassword',
  'Mutation.emailConfirmation': 'emailConfirmation',
};

/** GraphQL: the account mutations need the permission their REST route needs. */
export function accountMutationsGuard(strapi: Core.Strapi) {
  const guard =
    (action: string) =>
    async (
      next: (...args: unknown[]) => unknown,
      parent: unknown,
      args: unknown,
      context: { state?: { auth?: Parameters<Core.Strapi['auth']['verify']>[0] } } | undefined,
      info: unknown,
    ) => {
      try {
        await strapi.auth.verify(context?.state?.auth as Parameters<Core.Strapi['auth']['verify']>[0], {
          scope: [`plugin::users-permissions.auth.${action}`],
        });
      } catch {
        throw new errors.ForbiddenError(
          'Reader accounts are not open: registration, password reset and email confirmation are off.',
        );
      }
      return next(parent, args, context, info);
    };
  return () => ({
    resolversConfig: Object.fromEntries(
      Object.entries(MUTATIONS).map(([field, action]) => [field, { middlewares: [guard(action)] }]),
    ),
  });
}
