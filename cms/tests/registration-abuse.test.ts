import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { env } from '@strapi/utils';
import serverConfig from '../config/server';
import { getApp, graphql } from './strapi';
import {
  createSession,
  register,
  settleOutbox,
  snapshot,
  uniqueEmail,
  removeTestSessions,
} from './registration-helpers';

afterAll(removeTestSessions);

const SECRET = 'site-forwarding-secret-for-tests-0123';
const site = (ip: string, secret = SECRET) => ({ 'x-site-forwarding-secret': secret, 'x-forwarded-for': ip });

/** Rate limits per client IP and per email, shared through the database, with the site's forwarded IP. */
describe('rate limits', () => {
  let saved: any;
  beforeEach(async () => {
    const { strapi } = await getApp();
    saved = {
      rateLimit: strapi.config.get('registration.rateLimit'),
      secret: strapi.config.get('registration.siteForwardingSecret'),
    };
    strapi.config.set('registration.rateLimit', { max: 3, windowSeconds: 600 });
    strapi.config.set('registration.siteForwardingSecret', SECRET);
    await strapi.db.connection('registration_rate_limits').delete();
  });
  afterEach(async () => {
    const { strapi } = await getApp();
    strapi.config.set('registration.rateLimit', saved.rateLimit);
    strapi.config.set('registration.siteForwardingSecret', saved.secret);
    await strapi.db.connection('registration_rate_limits').delete();
  });

  it('refuses a client IP past the limit, changing nothing, and counts each reader the site forwards apart', async () => {
    const session = await createSession({ capacity: 50 });
    for (let i = 0; i < 3; i++)
      expect((await register(session.documentId, {}, site('203.0.113.7'))).outcome?.status).toBe('confirmed');
    await settleOutbox();
    const before = await snapshot(session.documentId);
    const refused = await register(session.documentId, { locale: 'fr' }, site('203.0.113.7'));
    expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: null });
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(500);
    expect(refused.errors![0].message).toMatch(/^Trop de tentatives\. Réessayez dans 10 min\.$/);
    await settleOutbox();
    expect(await snapshot(session.documentId)).toEqual(before);
    // Another reader behind the same site server has their own allowance.
    expect((await register(session.documentId, {}, site('203.0.113.8'))).outcome?.status).toBe('confirmed');
  });

  it("believes X-Forwarded-For only with the site's secret", async () => {
    const session = await createSession({ capacity: 50 });
    // A client writing its own X-Forwarded-For (without the secret, or with a wrong one) is counted by its real address.
    const spoofed = [];
    for (let i = 0; i < 4; i++)
      spoofed.push(
        await register(
          session.documentId,
          {},
          site(`198.51.100.${i + 1}`, i % 2 ? 'wrong-secret-wrong-secret-000' : ''),
        ),
      );
    expect(spoofed.slice(0, 3).map((r) => r.outcome?.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(spoofed[3].errors![0].extensions!.code).toBe('RATE_LIMITED');
    // A secret too short to be one is never trusted.
    const { strapi } = await getApp();
    strapi.config.set('registration.siteForwardingSecret', 'short');
    expect((await register(session.documentId, {}, site('198.51.100.9', 'short'))).errors![0].extensions!.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('counts the IPv6 readers of one /64 network together, and IPv4-mapped addresses as IPv4', async () => {
    const session = await createSession({ capacity: 50 });
    const hosts = ['2001:db8:aa:1::1', '2001:db8:aa:1:ffff::2', '2001:0db8:00aa:0001:1234:5678:9abc:def0'];
    for (const host of hosts)
      expect((await register(session.documentId, {}, site(host))).outcome?.status).toBe('confirmed');
    expect((await register(session.documentId, {}, site('2001:db8:aa:1::99'))).errors![0].extensions!.code).toBe(
      'RATE_LIMITED',
    );
    // The next /64 is another subscriber.
    expect((await register(session.documentId, {}, site('2001:db8:aa:2::1'))).outcome?.status).toBe('confirmed');
    for (let i = 0; i < 2; i++)
      expect((await register(session.documentId, {}, site('192.0.2.77'))).outcome?.status).toBe('confirmed');
    expect((await register(session.documentId, {}, site('::ffff:192.0.2.77'))).outcome?.status).toBe('confirmed');
    expect((await register(session.documentId, {}, site('::ffff:c000:024d'))).errors![0].extensions!.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('behind TRUSTED_PROXY_HOPS proxies, counts the right-most address they did not vouch for, not what the client wrote', async () => {
    const { strapi } = await getApp();
    strapi.config.set('registration.siteForwardingSecret', '');
    // What config/server.ts makes of TRUSTED_PROXY_HOPS=2, given to the running server.
    process.env.TRUSTED_PROXY_HOPS = '2';
    const { proxy } = serverConfig({ env });
    delete process.env.TRUSTED_PROXY_HOPS;
    expect(proxy).toEqual({ koa: true, maxIpsCount: 2 });
    const app = strapi.server.app as any;
    const saved = { proxy: app.proxy, maxIpsCount: app.maxIpsCount };
    Object.assign(app, { proxy: proxy.koa, maxIpsCount: proxy.maxIpsCount });
    try {
      const session = await createSession({ capacity: 50 });
      // The client writes anything on the left; the first proxy appends the client's address
      // (203.0.113.60), the second the first proxy's (10.0.0.2).
      const viaProxies = (written: string) => ({ 'x-forwarded-for': `${written}, 203.0.113.60, 10.0.0.2` });
      const answers = [];
      for (let i = 0; i < 4; i++)
        answers.push(await register(session.documentId, {}, viaProxies(`198.51.100.${i + 20}`)));
      expect(answers.map((a) => a.outcome?.status ?? a.errors![0].extensions!.code)).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'RATE_LIMITED',
      ]);
      expect(
        (await register(session.documentId, {}, { 'x-forwarded-for': '203.0.113.61, 10.0.0.2' })).outcome?.status,
      ).toBe('confirmed');
    } finally {
      Object.assign(app, saved);
    }
  });

  it('refuses an email address past the limit, whatever IP it comes from', async () => {
    const session = await createSession({ capacity: 50 });
    const email = uniqueEmail('insistent');
    for (let i = 0; i < 3; i++)
      expect((await register(session.documentId, { email }, site(`192.0.2.${i + 1}`))).errors).toBeUndefined();
    const refused = await register(session.documentId, { email, locale: 'es' }, site('192.0.2.99'));
    expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'email' });
    expect(refused.errors![0].message).toMatch(/^Demasiados intentos/);
    expect((await register(session.documentId, {}, site('192.0.2.99'))).outcome?.status).toBe('confirmed');
  });

  it('limits the self-service operations per IP too', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(
        await graphql(
          `
            query ($t: String!) {
              trainingSessionRegistration(token: $t) {
                status
              }
            }
          `,
          { t: 'B'.repeat(43) },
          site('203.0.113.50'),
        ),
      );
    expect(answers.slice(0, 3).map((a) => a.errors![0].extensions!.code)).toEqual([
      'REGISTRATION_NOT_FOUND',
      'REGISTRATION_NOT_FOUND',
      'REGISTRATION_NOT_FOUND',
    ]);
    expect(answers[3].errors![0].extensions!.code).toBe('RATE_LIMITED');
  });
});
