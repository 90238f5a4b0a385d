import type { Core } from '@strapi/strapi';

/**
 * Development only: creates the first admin (super admin) from DEV_ADMIN_EMAIL and
 * DEV_ADMIN_PASSWORD when no admin exists yet. Production admins register through /admin.
 * Never name these STRAPI_ADMIN_*: `strapi build` inlines every such variable into the admin
 * panel's public JavaScript.
 */
export async function ensureDevelopmentAdmin(strapi: Core.Strapi) {
  const email = process.env.DEV_ADMIN_EMAIL;
  const password = process.env.DEV_ADMIN_PASSWORD;
  if (process.env.NODE_ENV === 'production' || !email || !password) return;
  const users = strapi.service('admin::user');
  if ((await users.count()) > 0) return;
  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdminRole) return;
  await users.create({
    email,
    firstname: process.env.DEV_ADMIN_FIRSTNAME ?? 'Academy',
    lastname: process.env.DEV_ADMIN_LASTNAME ?? 'Editor',
    password,
    registrationToken: null,
    isActive: true,
    roles: [superAdminRole.id],
  });
  strapi.log.info(`Created the development admin ${email}`);
}
