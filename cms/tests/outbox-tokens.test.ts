import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp } from './strapi';
import {
  createSession,
  drainUntil,
  linkToken,
  readByToken,
  register,
  removeTestSessions,
  settleOutbox,
} from './registration-helpers';
import { sealStoredTokens } from '../src/api/registration/outbox/outbox';
import { newSelfServiceToken, sealSelfServiceToken } from '../src/api/registration/tokens';
import en from '../src/api/registration/messages/en.json';

/**
 * A self-service token is a key to someone's registration: while its mail waits in the outbox
 * (the SMTP server refused it, a retry is due) no table holds it and no log line shows it, and the
 * retried mail still links with a token that works.
 */
beforeAll(async () => {
  await getApp();
});
afterAll(removeTestSessions);

/** Every row of every table of the database, as text. */
async function databaseDump(): Promise<string> {
  const { strapi, database } = await getApp();
  const db = strapi.db.connection;
  const tables: string[] =
    database === 'postgres'
      ? (await db.raw(`select tablename as name from pg_tables where schemaname = current_schema()`)).rows.map(
          (r: any) => r.name,
        )
      : (await db.raw(`select name from sqlite_master where type = 'table'`)).map((r: any) => r.name);
  expect(tables).toContain('registration_outbox');
  const parts: string[] = [];
  for (const table of tables) parts.push(`${table}: ${JSON.stringify(await db(table).select('*'))}`);
  return parts.join('\n');
}

/** Every log line the CMS writes meanwhile, at every level. */
async function capturingLogs<T>(run: (lines: string[]) => Promise<T>): Promise<T> {
  const { strapi } = await getApp();
  const lines: string[] = [];
  const onLog = (info: any) => lines.push(JSON.stringify(info));
  const level = strapi.log.level;
  strapi.log.level = 'silly';
  strapi.log.on('data', onLog);
  try {
    return await run(lines);
  } finally {
    strapi.log.off('data', onLog);
    strapi.log.level = level;
  }
}

const outboxRow = async (registrationId: number) =>
  (await getApp()).strapi.db.connection('registration_outbox').where('registration_id', registrationId).first();

describe('self-service tokens in the mail outbox', () => {
  it("are in no table and no log line while a refused mail waits for its retry, and the retried mail's link works", async () => {
    const { strapi, mailbox } = await getApp();
    const session = await createSession();
    await settleOutbox();
    await capturingLogs(async (lines) => {
      mailbox.failNext(2);
      const { email } = await register(session.documentId, { locale: 'fr' });
      const { id } = await strapi.db.connection('registrations').where('email_normalized', email).first();
      // The first attempt has failed and the mail waits for its retry.
      await drainUntil(async () => {
        const row = await outboxRow(id);
        return Number(row.attempts) >= 1 && row.status === 'pending' && row.claimed_by === null;
      });
      const waiting = await databaseDump();
      expect((await outboxRow(id)).payload).toMatch(/"sealedToken"/);

      await drainUntil(() => mailbox.to(email).length > 0);
      const token = linkToken(mailbox.to(email)[0].text!);
      expect(Number((await outboxRow(id)).attempts)).toBeGreaterThanOrEqual(3);
      expect(waiting.includes(token), 'the token in a table while its mail waits').toBe(false);
      expect((await databaseDump()).includes(token), 'the token in a table once its mail went').toBe(false);
      // The refusals were logged (so the lines were seen), without the token.
      expect(lines.join('\n')).toMatch(/Registration mail \d+ \(confirmation\) not sent/);
      expect(lines.join('\n').includes(token), 'the token in a log line').toBe(false);
      const view = await readByToken(token, 'fr');
      expect(view.errors).toBeUndefined();
      expect(view.data.trainingSessionRegistration.email).toBe(email);
    });
  });

  it('drops the sealed token of a mail given up', async () => {
    const { strapi, mailbox } = await getApp();
    const session = await createSession();
    await settleOutbox();
    const saved = strapi.config.get('registration.mailMaxAttempts');
    strapi.config.set('registration.mailMaxAttempts', 1);
    try {
      mailbox.failNext(1);
      const { email } = await register(session.documentId);
      const { id } = await strapi.db.connection('registrations').where('email_normalized', email).first();
      await drainUntil(async () => (await outboxRow(id)).status === 'failed');
      expect((await outboxRow(id)).payload).toBeNull();
    } finally {
      strapi.config.set('registration.mailMaxAttempts', saved);
      mailbox.failNext(0);
    }
  });

  it('seals at start a token an earlier version queued in clear, and its mail still links with it', async () => {
    const { strapi, mailbox } = await getApp();
    const session = await createSession();
    mailbox.failNext(1000);
    const { email } = await register(session.documentId);
    const db = strapi.db.connection;
    const { id } = await db('registrations').where('email_normalized', email).first();
    await drainUntil(
      async () => Number((await outboxRow(id)).attempts) >= 1 && (await outboxRow(id)).claimed_by === null,
    );
    // As the previous version wrote it: the token in clear.
    const { token, hash } = newSelfServiceToken();
    await db('registrations').where('id', id).update({ token_hash: hash });
    await db('registration_outbox')
      .where('registration_id', id)
      .update({ payload: JSON.stringify({ token }) });
    await sealStoredTokens(strapi);
    expect((await databaseDump()).includes(token), 'the token in a table').toBe(false);
    mailbox.failNext(0);
    await db('registration_outbox').where('registration_id', id).update({ available_at: Date.now() });
    await drainUntil(() => mailbox.to(email).length > 0);
    expect(linkToken(mailbox.to(email)[0].text!)).toBe(token);
    expect((await readByToken(token)).data.trainingSessionRegistration.email).toBe(email);
  });

  it('sends a new link that works when the seal no longer opens (APP_KEYS changed meanwhile)', async () => {
    const { strapi, mailbox } = await getApp();
    const session = await createSession();
    mailbox.failNext(1000);
    const { email } = await register(session.documentId);
    const db = strapi.db.connection;
    const { id, token_hash: before } = await db('registrations').where('email_normalized', email).first();
    await drainUntil(
      async () => Number((await outboxRow(id)).attempts) >= 1 && (await outboxRow(id)).claimed_by === null,
    );
    const { token: lost } = newSelfServiceToken();
    await db('registration_outbox')
      .where('registration_id', id)
      .update({
        payload: JSON.stringify({ sealedToken: sealSelfServiceToken(['an-app-key-since-replaced'], lost) }),
        available_at: Date.now(),
      });
    mailbox.failNext(0);
    await drainUntil(() => mailbox.to(email).length > 0);
    const mail = mailbox.to(email)[0];
    const token = linkToken(mail.text!);
    expect(token).not.toBe(lost);
    expect(mail.text).toContain(en.mail.linkReplaces);
    expect((await db('registrations').where('id', id).first()).token_hash).not.toBe(before);
    expect((await readByToken(token)).data.trainingSessionRegistration.email).toBe(email);
  });
});
