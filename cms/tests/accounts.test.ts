import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';
import { closeReaderAccounts } from '../src/security/accounts';

/**
 * The site has no reader accounts: nobody creates one, asks for a password reset or confirms an
 * email, through REST or GraphQL; the answers do not tell whether an address has an account, and
 * no mail goes out.
 */
const USER = 'plugin::users-permissions.user';
const PASSWORD = 'Reader-password-1';
let existing: { id: number; email: string; password: string };

beforeAll(async () => {
  const { strapi } = await getApp();
  const authenticated = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const email = `account-${crypto.randomBytes(4).toString('hex')}@example.org`;
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: email,
    email,
    password: PASSWORD,
    provider: 'local',
    confirmed: false,
    role: authenticated.id,
  });
  existing = {
    id: user.id,
    email,
    password: (await strapi.db.query(USER).findOne({ where: { id: user.id } })).password,
  };
});

async function post(path: string, body: unknown) {
  const { url } = await getApp();
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const refused = (result: Awaited<ReturnType<typeof graphql>>, label: string) => {
  expect(result.errors?.[0]?.extensions?.code, `${label}: ${JSON.stringify(result.body).slice(0, 300)}`).toBe(
    'FORBIDDEN',
  );
  expect(result.errors?.[0]?.message, label).toMatch(/Reader accounts are not open/);
  for (const value of Object.values(result.data ?? {})) expect(value, label).toBeNull();
};

describe('reader accounts', () => {
  it('cannot be created, through REST or GraphQL', async () => {
    const { strapi } = await getApp();
    const rest = `rest-${crypto.randomBytes(4).toString('hex')}@example.org`;
    const answer = await post('/api/auth/local/register', { username: rest, email: rest, password: PASSWORD });
    expect(answer.status).toBe(403);
    expect(answer.text).not.toMatch(/jwt/);
    const viaGraphql = `gql-${crypto.randomBytes(4).toString('hex')}@example.org`;
    refused(
      await graphql(
        `
          mutation ($input: UsersPermissionsRegisterInput!) {
            register(input: $input) {
              jwt
              user {
                email
              }
            }
          }
        `,
        {
          input: { username: viaGraphql, email: viaGraphql, password: PASSWORD },
        },
      ),
      'register',
    );
    expect(await strapi.db.query(USER).count({ where: { email: { $in: [rest, viaGraphql] } } })).toBe(0);
    // Nor does an address already taken show through.
    const taken = await post('/api/auth/local/register', {
      username: 'someone-else',
      email: existing.email,
      password: PASSWORD,
    });
    expect(taken).toEqual(answer);
  });

  it('get no password reset and no confirmation mail, whether the address has an account or not', async () => {
    const { strapi, mailbox } = await getApp();
    const unknown = `nobody-${crypto.randomBytes(4).toString('hex')}@example.org`;
    const answers = [];
    for (const email of [existing.email, unknown]) {
      answers.push(await post('/api/auth/forgot-password', { email }));
      answers.push(await post('/api/auth/send-email-confirmation', { email }));
      refused(
        await graphql(
          `
            mutation ($email: String!) {
              forgotPassword(email: $email) {
                ok
              }
            }
          `,
          { email },
        ),
        `forgotPassword ${email}`,
      );
    }
    for (const answer of answers) expect(answer.status).toBe(403);
    // The same answer for an account and for nobody.
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[3]);
    const user = await strapi.db.query(USER).findOne({ where: { id: existing.id } });
    expect(user.resetPasswordToken ?? null).toBeNull();
    // Give a mail that had been sent time to arrive (the mailbox is the CMS's SMTP server), then look.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailbox.to(existing.email)).toEqual([]);
    expect(mailbox.to(unknown)).toEqual([]);
  });

  it('cannot reset a password or confirm an email with a code', async () => {
    const { strapi, url } = await getApp();
    const code = crypto.randomBytes(32).toString('hex');
    await strapi.db
      .query(USER)
      .update({ where: { id: existing.id }, data: { resetPasswordToken: code, confirmationToken: code } });
    const reset = { code, password: 'New-password-2', passwordConfirmation: 'New-password-2' };
    expect((await post('/api/auth/reset-password', reset)).status).toBe(403);
    refused(
      await graphql(
        `
          mutation ($code: String!) {
            resetPassword(code: $code, password: "New-password-2", passwordConfirmation: "New-password-2") {
              jwt
            }
          }
        `,
        { code },
      ),
      'resetPassword',
    );
    expect(
      (await fetch(`${url}/api/auth/email-confirmation?confirmation=${code}`, { redirect: 'manual' })).status,
    ).toBe(403);
    refused(
      await graphql(
        `
          mutation ($code: String!) {
            emailConfirmation(confirmation: $code) {
              jwt
            }
          }
        `,
        { code },
      ),
      'emailConfirmation',
    );
    const user = await strapi.db.query(USER).findOne({ where: { id: existing.id } });
    expect(user.password).toBe(existing.password);
    expect(user.confirmed).toBe(false);
    await strapi.db
      .query(USER)
      .update({ where: { id: existing.id }, data: { resetPasswordToken: null, confirmationToken: null } });
  });

  it("stay closed in the plugin's settings and permissions, and closing again changes nothing", async () => {
    const { strapi } = await getApp();
    const advanced: any = await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get({});
    expect(advanced).toMatchObject({ allow_register: false, email_confirmation: false, email_reset_password: null });
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((p: any) => p.action);
    expect(actions).toContain('api::module.module.find');
    expect(
      actions.filter((a: string) =>
        /auth\.(register|forgotPassword|resetPassword|emailConfirmation|sendEmailConfirmation)$/.test(a),
      ),
    ).toEqual([]);
    await closeReaderAccounts(strapi);
    const again = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    expect(again.permissions.map((p: any) => p.action).sort()).toEqual([...actions].sort());
  });
});
