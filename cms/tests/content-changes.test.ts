import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';
import { adminToken } from './registration-helpers';
import { CHANGES_TABLE, PURGE_TARGETS_TABLE } from '../src/publishing/tables';
import { sequenceChanges } from '../src/publishing/sequence';
import { contentVersion } from '../src/publishing/version';
import { ensurePurgeTargets, runPurges, SIGNATURE_HEADER, PURGE_PATH } from '../src/publishing/purge';
import { deleteExpiredChanges } from '../src/publishing/retention';
import { signPreview } from '../src/publishing/preview';
import { decodeCursor } from '../src/publishing/feed';

const MODULE = 'api::module.module';
const ORGANISATION = 'api::organisation.organisation';
const created: Array<{ uid: string; documentId: string }> = [];

beforeAll(getApp);

afterAll(async () => {
  const { strapi } = await getApp();
  for (const { uid, documentId } of created)
    await strapi
      .documents(uid as any)
      .delete({ documentId, locale: '*' } as any)
      .catch(() => {});
});

const unique = (label: string) => `${label}-${crypto.randomBytes(4).toString('hex')}`;

/** A module draft in `locale` (never published), with the relations a real one has. */
async function draftModule(locale = 'fr', data: Record<string, unknown> = {}) {
  const { strapi } = await getApp();
  const slug = unique('pipeline-module');
  const doc: any = await strapi.documents(MODULE).create({
    locale,
    data: { title: `Module ${slug}`, slug, level: 'discovery', summary: 'A test module.', ...data },
  } as any);
  created.push({ uid: MODULE, documentId: doc.documentId });
  return { documentId: doc.documentId as string, slug };
}

/** The change-log rows of a document, in the order they were written. */
async function rowsOf(documentId: string) {
  const { strapi } = await getApp();
  const rows = await strapi.db.connection(CHANGES_TABLE).where('document_id', documentId).orderBy('id');
  return rows.map((row: any) => ({ type: row.type, locale: row.locale, action: row.action, related: row.related }));
}

const FEED = `query($since: DateTime, $after: String, $limit: Int) {
  contentChanges(since: $since, after: $after, limit: $limit) { items { type documentId locale action at } nextCursor hasMore }
}`;

/**
 * One page, as a partner's client reads it: a query is safe to send again, so a connection the
 * server dropped (a keep-alive race while SQLite holds this process's event loop) is retried.
 */
async function feedPage(variables: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await graphql(FEED, variables);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Every change the feed gives from `cursor` on, page after page, as a partner would read it. */
async function readFeed(cursor: string | undefined, limit = 7) {
  const items: any[] = [];
  for (let after = cursor; ;) {
    const result = await feedPage({ after, limit });
    expect(result.errors).toBeUndefined();
    const page = result.data.contentChanges;
    items.push(...page.items);
    after = page.nextCursor;
    if (!page.hasMore) return { items, cursor: after as string };
  }
}

async function headCursor() {
  const { strapi } = await getApp();
  await sequenceChanges(strapi);
  return (await readFeed(undefined, 500)).cursor;
}

describe('the change log', () => {
  it('records a first publish, a re-publish, an unpublish and a delete, each in its locale', async () => {
    const { strapi } = await getApp();
    const modules = strapi.documents(MODULE);
    const { documentId } = await draftModule('fr');
    expect(await rowsOf(documentId)).toEqual([]);
    await modules.publish({ documentId, locale: 'fr' } as any);
    await modules.update({
      documentId,
      locale: 'en',
      data: { title: 'English version', slug: unique('pipeline-en'), level: 'discovery' },
    } as any);
    // An edit of a draft changes nothing public.
    await modules.update({ documentId, locale: 'fr', data: { summary: 'Edited, not published yet.' } } as any);
    expect(await rowsOf(documentId)).toEqual([{ type: 'module', locale: 'fr', action: 'published', related: null }]);
    await modules.publish({ documentId, locale: 'en' } as any);
    await modules.publish({ documentId, locale: 'fr' } as any);
    await modules.unpublish({ documentId, locale: 'en' } as any);
    await modules.delete({ documentId, locale: 'fr' } as any);
    // The English draft, never published again, goes without a public change.
    await modules.delete({ documentId, locale: 'en' } as any);
    expect((await rowsOf(documentId)).map((r) => `${r.locale} ${r.action}`)).toEqual([
      'fr published',
      'en published',
      'fr updated',
      'en unpublished',
      'fr deleted',
    ]);
  });

  it('records a publish made with create or update and status "published"', async () => {
    const { strapi } = await getApp();
    const slug = unique('pipeline-direct');
    const doc: any = await strapi
      .documents(MODULE)
      .create({ locale: 'it', status: 'published', data: { title: 'Diretto', slug, level: 'advanced' } } as any);
    created.push({ uid: MODULE, documentId: doc.documentId });
    await strapi.documents(MODULE).update({
      documentId: doc.documentId,
      locale: 'it',
      status: 'published',
      data: { title: 'Diretto, corretto' },
    } as any);
    expect((await rowsOf(doc.documentId)).map((r) => `${r.locale} ${r.action}`)).toEqual([
      'it published',
      'it updated',
    ]);
  });

  it('records the other published locales when a shared field is published from one of them', async () => {
    const { strapi } = await getApp();
    const organisations = strapi.documents(ORGANISATION);
    const slug = unique('pipeline-org');
    const org: any = await organisations.create({
      locale: 'en',
      data: { name: 'Pipeline Co-op', slug, description: 'English.', kind: 'cooperative', country: 'FR' },
    } as any);
    created.push({ uid: ORGANISATION, documentId: org.documentId });
    await organisations.update({
      documentId: org.documentId,
      locale: 'es',
      data: { name: 'Pipeline Co-op', slug, description: 'Español.', kind: 'cooperative', country: 'FR' },
    } as any);
    await organisations.publish({ documentId: org.documentId, locale: '*' } as any);
    const published = await rowsOf(org.documentId);
    expect(published.map((r) => `${r.locale} ${r.action}`).sort()).toEqual(['en published', 'es published']);
    // The country is shared: edited and published at once from the Spanish edit view (update with
    // status "published"), Strapi copies it into the English published version too.
    await organisations.update({
      documentId: org.documentId,
      locale: 'es',
      status: 'published',
      data: { country: 'ES' },
    } as any);
    const english = await organisations.findOne({
      documentId: org.documentId,
      locale: 'en',
      status: 'published',
    } as any);
    expect(english?.country).toBe('ES');
    expect(
      (await rowsOf(org.documentId))
        .slice(2)
        .map((r) => `${r.locale} ${r.action}`)
        .sort(),
    ).toEqual(['en updated', 'es updated']);
  });

  it('names the entries a publish newly links to, whose pages must show it', async () => {
    const { strapi } = await getApp();
    const [job, other] = await strapi
      .documents('api::job-sheet.job-sheet')
      .findMany({ locale: 'fr', status: 'published', limit: 2 } as any);
    const { documentId } = await draftModule('fr', { jobSheets: [job.documentId] });
    await strapi.documents(MODULE).publish({ documentId, locale: 'fr' } as any);
    await strapi
      .documents(MODULE)
      .update({ documentId, locale: 'fr', data: { jobSheets: [job.documentId, other.documentId] } } as any);
    await strapi.documents(MODULE).publish({ documentId, locale: 'fr' } as any);
    expect((await rowsOf(documentId)).map((r) => [r.action, r.related])).toEqual([
      ['published', `jobSheet:${job.documentId}`],
      ['updated', `jobSheet:${other.documentId}`],
    ]);
  });

  it('is written in the transaction of the change: a publish that fails leaves no row', async () => {
    const { strapi } = await getApp();
    const { documentId } = await draftModule('fr');
    // Something inside the publication fails after Strapi wrote the published version (a
    // middleware registered after the change log's, so inside its transaction).
    // At run time `use` returns the function that removes the middleware (Strapi's types say otherwise).
    type Use = (
      middleware: (
        context: { action: string; params?: { documentId?: string } },
        next: () => Promise<unknown>,
      ) => Promise<unknown>,
    ) => () => void;
    const remove = (strapi.documents.use as unknown as Use)(async (context, next) => {
      const result = await next();
      if (context.action === 'publish' && context.params?.documentId === documentId)
        throw new Error('the publication failed');
      return result;
    });
    try {
      await expect(strapi.documents(MODULE).publish({ documentId, locale: 'fr' } as any)).rejects.toThrow(
        'the publication failed',
      );
    } finally {
      remove();
    }
    expect(await rowsOf(documentId)).toEqual([]);
    expect(await strapi.documents(MODULE).findOne({ documentId, locale: 'fr', status: 'published' } as any)).toBeNull();
    // The same publication, once it succeeds, has its row.
    await strapi.documents(MODULE).publish({ documentId, locale: 'fr' } as any);
    expect((await rowsOf(documentId)).map((r) => r.action)).toEqual(['published']);
  });
});

describe("the partners' change feed", () => {
  it('pages by cursor in order, gives back a cursor to poll with, and starts from a time', async () => {
    const { strapi } = await getApp();
    const start = await headCursor();
    const before = new Date();
    const documents: string[] = [];
    for (let n = 0; n < 5; n++) {
      const { documentId } = await draftModule('es');
      await strapi.documents(MODULE).publish({ documentId, locale: 'es' } as any);
      documents.push(documentId);
    }
    await strapi.documents(MODULE).unpublish({ documentId: documents[0], locale: 'es' } as any);
    await sequenceChanges(strapi);
    const first = await graphql(FEED, { after: start, limit: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data.contentChanges.items).toHaveLength(2);
    expect(first.data.contentChanges.hasMore).toBe(true);
    const { items, cursor } = await readFeed(start, 2);
    expect(items.map((i) => `${i.documentId} ${i.action}`)).toEqual([
      ...documents.map((d) => `${d} published`),
      `${documents[0]} unpublished`,
    ]);
    expect(
      items.every(
        (i) => i.type === 'module' && i.locale === 'es' && new Date(i.at) >= new Date(before.getTime() - 1000),
      ),
    ).toBe(true);
    // Nothing new: an empty page and the same position.
    const empty = await graphql(FEED, { after: cursor });
    expect(empty.data.contentChanges).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    // `since`: the same changes, from a time.
    const since = await graphql(FEED, { since: before.toISOString(), limit: 500 });
    expect(since.data.contentChanges.items.map((i: any) => i.documentId)).toEqual(expect.arrayContaining(documents));
    expect(since.data.contentChanges.items.every((i: any) => new Date(i.at) >= before)).toBe(true);
  });

  it('refuses a forged cursor, a bad limit and a bad time with a clear error, and reveals no draft', async () => {
    for (const [variables, field] of [
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from('seq:-1').toString('base64url') }, 'after'],
      [{ limit: 501 }, 'limit'],
      [{ limit: 0 }, 'limit'],
    ] as const) {
      const result = await graphql(FEED, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe(field);
    }
    const badTime = await graphql(FEED, { since: 'yesterday' });
    expect(badTime.errors?.[0]?.message).toMatch(/DateTime|date/i);
    // A draft (never published) is never in the feed.
    const start = await headCursor();
    const { documentId } = await draftModule('fr');
    const { strapi } = await getApp();
    await strapi.documents(MODULE).update({ documentId, locale: 'fr', data: { title: 'Still a draft' } } as any);
    await sequenceChanges(strapi);
    expect((await readFeed(start)).items.some((i) => i.documentId === documentId)).toBe(false);
  });

  it('counts a page by its limit in the query cost', async () => {
    // Twenty pages of changes beside a wide list: fine at 1 change a page, refused at 500 (as a
    // literal, or as a variable, counted at the most), before anything runs.
    const wide = `modules(pagination: { limit: 100 }) { jobSheets(pagination: { limit: 100 }) { documentId title slug } }`;
    const pages = (limit: string) =>
      Array.from(
        { length: 20 },
        (_, i) => `c${i}: contentChanges(limit: ${limit}) { items { type documentId locale action at } nextCursor }`,
      ).join(' ');
    const small = await graphql(`{ ${wide} ${pages('1')} }`);
    expect(small.errors).toBeUndefined();
    const large = await graphql(`{ ${wide} ${pages('500')} }`);
    expect(large.status).toBe(400);
    expect(large.errors?.[0]?.message).toMatch(/Query Cost limit of \d+ exceeded/);
    const viaVariable = await graphql(`query($n: Int) { ${wide} ${pages('$n')} }`, { n: 1 });
    expect(viaVariable.errors?.[0]?.message).toMatch(/Query Cost limit of \d+ exceeded/);
    expect(
      (
        await graphql(`
          {
            contentChanges(limit: 500) {
              items {
                documentId
              }
              nextCursor
            }
          }
        `)
      ).errors,
    ).toBeUndefined();
  });

  it('never skips or repeats a change while editors publish concurrently and a partner pages the feed', async () => {
    const { strapi, database } = await getApp();
    const start = await headCursor();
    const drafts = await Promise.all(Array.from({ length: 24 }, () => draftModule('it')));
    const seen: any[] = [];
    let cursor = start;
    let publishing = true;
    const partner = (async () => {
      while (publishing) {
        const result = await feedPage({ after: cursor, limit: 3 });
        expect(result.errors).toBeUndefined();
        seen.push(...result.data.contentChanges.items);
        cursor = result.data.contentChanges.nextCursor;
      }
    })();
    // Eight editors at once, each publishing, editing and publishing again, and unpublishing.
    const queue = [...drafts];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let draft = queue.shift(); draft; draft = queue.shift()) {
          const modules = strapi.documents(MODULE);
          await modules.publish({ documentId: draft.documentId, locale: 'it' } as any);
          await modules.update({
            documentId: draft.documentId,
            locale: 'it',
            status: 'published',
            data: { summary: 'Updated.' },
          } as any);
          await modules.unpublish({ documentId: draft.documentId, locale: 'it' } as any);
        }
      }),
    );
    publishing = false;
    await partner;
    await sequenceChanges(strapi);
    seen.push(...(await readFeed(cursor, 5)).items);
    const ours = new Set(drafts.map((d) => d.documentId));
    const keys = seen.filter((i) => ours.has(i.documentId)).map((i) => `${i.documentId} ${i.action}`);
    const expected = drafts.flatMap((d) => ['published', 'updated', 'unpublished'].map((a) => `${d.documentId} ${a}`));
    expect(keys).toHaveLength(expected.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...expected].sort());
    // Each entry's own changes come in the order they were made.
    for (const { documentId } of drafts) {
      expect(keys.filter((k) => k.startsWith(documentId)).map((k) => k.split(' ')[1])).toEqual([
        'published',
        'updated',
        'unpublished',
      ]);
    }
    expect(['sqlite', 'postgres']).toContain(database);
  });

  it('numbers a change committed late after those already read, never before them, and versions it', async () => {
    const { strapi, database } = await getApp();
    const start = await headCursor();
    const insert = (trx: any, documentId: string) =>
      trx(CHANGES_TABLE).insert({
        type: 'module',
        document_id: documentId,
        locale: 'en',
        action: 'updated',
        at: Date.now(),
        related: null,
      });
    const late = unique('late');
    const early = unique('early');
    if (database === 'postgres') {
      // Two writers: the first takes its id, then the second commits (and is numbered and read)
      // before the first commits. The late one must still be read after.
      const slow = await strapi.db.connection.transaction();
      await insert(slow, late);
      await strapi.db.connection.transaction((trx: any) => insert(trx, early));
      await sequenceChanges(strapi);
      const firstRead = await readFeed(start);
      expect(firstRead.items.map((i) => i.documentId)).toEqual([early]);
      // The content version (what the Atlas and the open-data files are cached by) moves at the
      // late commit, though its id is lower than the highest (the version was that id before).
      const seen = await contentVersion(strapi);
      await slow.commit();
      expect(await contentVersion(strapi)).not.toBe(seen);
      await sequenceChanges(strapi);
      expect((await readFeed(firstRead.cursor)).items.map((i) => i.documentId)).toEqual([late]);
      const [lateRow] = await strapi.db.connection(CHANGES_TABLE).where('document_id', late);
      const [earlyRow] = await strapi.db.connection(CHANGES_TABLE).where('document_id', early);
      expect(Number(lateRow.id)).toBeLessThan(Number(earlyRow.id));
      expect(Number(lateRow.seq)).toBeGreaterThan(Number(earlyRow.seq));
    } else {
      // SQLite has one writer at a time: a transaction commits before the next one inserts, so ids
      // already follow commit order; rows are still read only once numbered.
      await strapi.db.connection.transaction((trx: any) => insert(trx, early));
      await sequenceChanges(strapi);
      const firstRead = await readFeed(start);
      expect(firstRead.items.map((i) => i.documentId)).toEqual([early]);
      const seen = await contentVersion(strapi);
      await strapi.db.connection.transaction((trx: any) => insert(trx, late));
      expect(await contentVersion(strapi)).not.toBe(seen);
      await sequenceChanges(strapi);
      expect((await readFeed(firstRead.cursor)).items.map((i) => i.documentId)).toEqual([late]);
    }
  });

  it('tells its version over HTTP to anyone, never cached, moved by a publish and not by a draft', async () => {
    const { strapi, url } = await getApp();
    // The committed changes numbered first (the sequencer also runs in the background, and a
    // version with a change still waiting for its number changes when it gets it).
    const read = async () => {
      await sequenceChanges(strapi);
      const response = await fetch(`${url}/api/content-version`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { version: string };
      expect(body.version).toBe(await contentVersion(strapi));
      return body.version;
    };
    const before = await read();
    const { documentId } = await draftModule('fr');
    expect(await read()).toBe(before);
    await strapi.documents(MODULE).publish({ documentId, locale: 'fr' } as any);
    expect(await read()).not.toBe(before);
  });

  it('keeps changes 90 days, then forgets them', async () => {
    const { strapi } = await getApp();
    const day = 86_400_000;
    const now = Date.now();
    const old = unique('old');
    const kept = unique('kept');
    await strapi.db.connection(CHANGES_TABLE).insert([
      { type: 'module', document_id: old, locale: 'en', action: 'updated', at: now - 91 * day, related: null },
      { type: 'module', document_id: kept, locale: 'en', action: 'updated', at: now - 89 * day, related: null },
    ]);
    await sequenceChanges(strapi);
    expect(await deleteExpiredChanges(strapi, now)).toBeGreaterThanOrEqual(1);
    expect(await strapi.db.connection(CHANGES_TABLE).where('document_id', old)).toHaveLength(0);
    expect(await strapi.db.connection(CHANGES_TABLE).where('document_id', kept)).toHaveLength(1);
  });
});

/** A site that takes purges: refuses bad signatures, fails while `failing` > 0, records what it took. */
async function fakeSite(secret: string) {
  const state = { failing: 0, refused: 0, failed: 0, purges: [] as string[][] };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const header = String(request.headers[SIGNATURE_HEADER] ?? '');
      const [, t, mac] = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
      const expected = t ? crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') : '';
      if (request.url !== PURGE_PATH || !mac || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
        state.refused++;
        response.writeHead(401).end();
      } else if (state.failing > 0) {
        state.failing--;
        state.failed++;
        response.writeHead(503).end();
      } else {
        state.purges.push(JSON.parse(body).tags);
        response.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the purge worker', () => {
  it('purges the tags of a change once, retrying with backoff while the site fails, its progress kept in the database', async () => {
    const { strapi } = await getApp();
    const secret = crypto.randomBytes(24).toString('base64');
    const site = await fakeSite(secret);
    const config: any = strapi.config.get('publishing');
    const saved = { ...config };
    try {
      strapi.config.set('publishing', { ...config, purgeUrls: [site.url], purgeSecret: secret, purgeRetryBaseMs: 200 });
      await ensurePurgeTargets(strapi);
      site.state.failing = 3;
      const { documentId } = await draftModule('fr');
      await strapi.documents(MODULE).publish({ documentId, locale: 'fr' } as any);
      // The kick after commit and the cron send; the site fails three times, then takes it.
      const tags = await until(
        async () => site.state.purges.find((t) => t.includes(`entry:module:${documentId}`)),
        'the purge',
      );
      expect(tags).toEqual(expect.arrayContaining([`entry:module:${documentId}`, 'list:module:fr', 'sitemap']));
      expect(site.state.failed).toBe(3);
      const target = await strapi.db.connection(PURGE_TARGETS_TABLE).where({ url: site.url }).first();
      const [row] = await strapi.db.connection(CHANGES_TABLE).where('document_id', documentId);
      expect(Number(target.purged_seq)).toBeGreaterThanOrEqual(Number(row.seq));
      expect(Number(target.attempts)).toBe(0);
      // Nothing is sent twice: more runs find nothing new.
      await runPurges(strapi);
      await runPurges(strapi);
      expect(site.state.purges.filter((t) => t.includes(`entry:module:${documentId}`))).toHaveLength(1);
    } finally {
      strapi.config.set('publishing', saved);
      await site.close();
    }
  });

  it('is refused by the site without the shared secret, and sends again once it has it', async () => {
    const { strapi } = await getApp();
    const secret = crypto.randomBytes(24).toString('base64');
    const site = await fakeSite(secret);
    const config: any = strapi.config.get('publishing');
    const saved = { ...config };
    try {
      strapi.config.set('publishing', {
        ...config,
        purgeUrls: [site.url],
        purgeSecret: 'not-the-shared-secret',
        purgeRetryBaseMs: 100,
      });
      await ensurePurgeTargets(strapi);
      const { documentId } = await draftModule('en');
      await strapi.documents(MODULE).publish({ documentId, locale: 'en' } as any);
      await until(async () => site.state.refused > 0, 'a refusal');
      expect(site.state.purges.some((t) => t.includes(`entry:module:${documentId}`))).toBe(false);
      strapi.config.set('publishing', { ...config, purgeUrls: [site.url], purgeSecret: secret, purgeRetryBaseMs: 100 });
      await until(async () => site.state.purges.some((t) => t.includes(`entry:module:${documentId}`)), 'the purge');
    } finally {
      strapi.config.set('publishing', saved);
      await site.close();
    }
  });
});

describe('the preview link', () => {
  it('is the entry on the site, signed for its type, documentId, locale and status, and short-lived', async () => {
    const { strapi, url } = await getApp();
    const { documentId } = await draftModule('fr');
    const token = await adminToken();
    const response = await fetch(
      `${url}/content-manager/preview/url/${MODULE}?documentId=${documentId}&locale=fr&status=draft`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    const link = new URL(((await response.json()) as { data: { url: string } }).data.url);
    const config: any = strapi.config.get('publishing');
    expect(link.origin).toBe(new URL(config.siteUrl).origin);
    expect(link.pathname).toBe('/fr/preview');
    const fields = {
      type: link.searchParams.get('type')!,
      documentId: link.searchParams.get('documentId')!,
      locale: link.searchParams.get('locale')!,
      status: link.searchParams.get('status')!,
      expires: Number(link.searchParams.get('expires')),
    };
    expect(fields).toMatchObject({ type: 'module', documentId, locale: 'fr', status: 'draft' });
    expect(fields.expires * 1000 - Date.now()).toBeGreaterThan(60_000);
    expect(fields.expires * 1000 - Date.now()).toBeLessThanOrEqual(config.previewLinkSeconds * 1000);
    expect(link.searchParams.get('sig')).toBe(signPreview(config.previewSecret, fields));
    // Types without a page (a theme) have no preview; an editor without read rights on modules gets none.
    const theme = await strapi.documents('api::theme.theme').findFirst({ locale: 'fr' } as any);
    const none = await fetch(
      `${url}/content-manager/preview/url/api::theme.theme?documentId=${theme!.documentId}&locale=fr&status=draft`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(none.status).toBe(204);
    const stranger = await adminToken(`No access ${Date.now()}`);
    const refused = await fetch(
      `${url}/content-manager/preview/url/${MODULE}?documentId=${documentId}&locale=fr&status=draft`,
      { headers: { authorization: `Bearer ${stranger}` } },
    );
    expect(refused.status === 204 || refused.status === 403).toBe(true);
    expect(decodeCursor('x')).toBeNull();
  });
});
