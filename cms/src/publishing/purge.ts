import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PublishingConfig } from '../../config/publishing';
import type { Db } from '../database/knex';
import { sequenceChanges, lastSeq } from './sequence';
import { CHANGES_TABLE, PURGE_TARGETS_TABLE } from './tables';

/**
 * Turns sequenced changes into purges of the site's page cache. The site tags every cached page
 * with what it rendered (`entry:<type>:<documentId>` for each entry, `list:<type>:<locale>` for
 * each list it asked for, `sitemap`); a change purges the tags it touches, nothing else.
 *
 * One row per site URL (SITE_PURGE_URLS) keeps how far that URL has been purged: a worker claims
 * the row with a conditional UPDATE (a lease, as the mail outbox claims mails), sends the tags of
 * the next changes in one signed POST, and moves the row's `purged_seq` past them only when the
 * site said yes. So a CMS restart loses nothing (the progress is in the database), two workers
 * (replicas, the cron and a kick) never send the same changes, and a site that is down gets them
 * again, with exponential backoff, once it is back.
 *
 * The request: `POST <url>/api/cache/purge` with a JSON body `{ tags, at, nonce }` and
 * `X-Purge-Signature: t=<ms>,v1=<hex HMAC-SHA256 of "<t>.<body>" with SITE_PURGE_SECRET>`.
 * The site refuses it unsigned, badly signed, older than 5 minutes or seen before (nonce).
 */
const LEASE_MS = 60_000;
const BATCH = 200;
const TIMEOUT_MS = 10_000;
export const PURGE_PATH = '/api/cache/purge';
export const SIGNATURE_HEADER = 'x-purge-signature';

export function signPurge(secret: string, body: string, at = Date.now()): string {
  const mac = crypto.createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
  return `t=${at},v1=${mac}`;
}

/** The tags a batch of changes purges, deduplicated. */
export function purgeTags(
  changes: Array<{ type: string; document_id: string; locale: string; related: string | null }>,
): string[] {
  const tags = new Set<string>();
  for (const change of changes) {
    tags.add(`entry:${change.type}:${change.document_id}`);
    tags.add(`list:${change.type}:${change.locale}`);
    for (const related of (change.related ?? '').split(' ').filter(Boolean)) tags.add(`entry:${related}`);
  }
  if (changes.length > 0) tags.add('sitemap');
  return [...tags];
}

function settings(strapi: Core.Strapi) {
  const config = strapi.config.get('publishing') as PublishingConfig;
  return {
    urls: config.purgeUrls.map((url) => url.replace(/\/$/, '')),
    secret: String(config.purgeSecret ?? ''),
    retryBaseMs: Number(config.purgeRetryBaseMs ?? 1000),
  };
}

/** A row per configured URL; a new one starts at the current end (its cache starts empty). */
export async function ensurePurgeTargets(strapi: Core.Strapi) {
  const db = strapi.db.connection;
  const head = await lastSeq(db);
  for (const url of settings(strapi).urls) {
    const existing = await db(PURGE_TARGETS_TABLE).where({ url }).first();
    if (!existing) {
      await db(PURGE_TARGETS_TABLE)
        .insert({ url, purged_seq: head, attempts: 0, available_at: 0, updated_at: Date.now() })
        .catch(() => {
          // Another replica inserted it first.
        });
    }
  }
}

async function claim(db: Db, url: string, worker: string, now: number): Promise<boolean> {
  const claimed = await db(PURGE_TARGETS_TABLE)
    .where({ url })
    .andWhere('available_at', '<=', now)
    .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
    .update({ claimed_by: worker, claimed_until: now + LEASE_MS });
  return claimed === 1;
}

async function send(url: string, secret: string, tags: string[]): Promise<void> {
  const body = JSON.stringify({ tags, at: Date.now(), nonce: crypto.randomUUID() });
  const response = await fetch(`${url}${PURGE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signPurge(secret, body) },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/** Purges what one URL has not had yet; returns how many changes it was sent. */
async function purgeTarget(strapi: Core.Strapi, url: string): Promise<number> {
  const db = strapi.db.connection;
  const { secret, retryBaseMs } = settings(strapi);
  const worker = crypto.randomUUID();
  if (!(await claim(db, url, worker, Date.now()))) return 0;
  const target = await db(PURGE_TARGETS_TABLE).where({ url, claimed_by: worker }).first();
  if (!target) return 0;
  let sent = 0;
  try {
    for (;;) {
      const changes = await db(CHANGES_TABLE)
        .select('seq', 'type', 'document_id', 'locale', 'related')
        .where('seq', '>', Number(target.purged_seq))
        .orderBy('seq')
        .limit(BATCH);
      if (changes.length === 0) break;
      await send(url, secret, purgeTags(changes));
      target.purged_seq = Number(changes[changes.length - 1].seq);
      sent += changes.length;
      await db(PURGE_TARGETS_TABLE)
        .where({ url, claimed_by: worker })
        .update({
          purged_seq: target.purged_seq,
          attempts: 0,
          last_error: null,
          updated_at: Date.now(),
          claimed_until: Date.now() + LEASE_MS,
        });
      if (changes.length < BATCH) break;
    }
    await db(PURGE_TARGETS_TABLE).where({ url, claimed_by: worker }).update({ claimed_by: null, claimed_until: null });
  } catch (caught) {
    const error = caught as Error & { cause?: Error };
    const attempts = Number(target.attempts ?? 0) + 1;
    const delay = Math.min(retryBaseMs * 2 ** (attempts - 1), 60_000);
    await db(PURGE_TARGETS_TABLE)
      .where({ url, claimed_by: worker })
      .update({
        attempts,
        available_at: Date.now() + delay,
        last_error: String(error?.message ?? error).slice(0, 1000),
        claimed_by: null,
        claimed_until: null,
        updated_at: Date.now(),
      });
    const level = attempts === 1 || attempts % 10 === 0 ? 'warn' : 'debug';
    strapi.log[level](
      `Site cache purge of ${url} failed (attempt ${attempts}, next in ${delay} ms): ${error?.cause?.message ?? error?.message ?? error}`,
    );
  }
  return sent;
}

/** Numbers what committed, then purges every configured URL (each at most once at a time). */
export async function runPurges(strapi: Core.Strapi): Promise<number> {
  await sequenceChanges(strapi);
  const { urls } = settings(strapi);
  const counts = await Promise.all(urls.map((url) => purgeTarget(strapi, url)));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Runs soon after a commit, without making the editor's request wait for the site. Kicks that
 * arrive while this process runs fold into one more pass; other replicas run on their own, kept
 * apart by the claims.
 */
const running = new WeakMap<object, { again: boolean }>();

export function kickPurges(strapi: Core.Strapi): Promise<void> {
  const state = running.get(strapi);
  if (state) {
    state.again = true;
    return Promise.resolve();
  }
  const next = { again: false };
  running.set(strapi, next);
  return new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      do {
        next.again = false;
        await runPurges(strapi);
      } while (next.again);
    })
    .catch((error) => {
      strapi.log.error(`Site cache purge: ${error?.message ?? error}`);
    })
    .finally(() => running.delete(strapi));
}
