import { PURGE_SIGNATURE_HEADER, verifyPurge } from '../../utils/signatures';

// The CMS's purges of the page cache (cms/src/publishing/purge.ts): `{ tags, at, nonce }`, signed
// with SITE_PURGE_SECRET. Refused unsigned, badly signed, older than 5 minutes or seen before
// (the nonce is remembered 10 minutes: in Redis for every replica, else in this process). The
// pages carrying any of the tags leave the cache (nuxt-multi-cache's tag invalidation, through its
// registry: server/multiCache.serverOptions.ts); the next reader gets them rendered anew.
const TAG = /^(entry:[a-zA-Z]{1,40}:[a-z0-9]{1,64}|list:[a-zA-Z]{1,40}:[a-z]{2}|sitemap)$/;

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const body = (await readRawBody(event, 'utf8')) ?? '';
  const secret = process.env.SITE_PURGE_SECRET ?? '';
  if (!verifyPurge(secret, body, getRequestHeader(event, PURGE_SIGNATURE_HEADER))) {
    throw createError({ statusCode: 401, statusMessage: 'Unsigned or expired purge' });
  }
  let message: { tags?: unknown; nonce?: unknown };
  try {
    message = JSON.parse(body);
  } catch {
    throw createError({ statusCode: 400, statusMessage: 'Not JSON' });
  }
  const tags = Array.isArray(message.tags)
    ? message.tags.filter((tag): tag is string => typeof tag === 'string' && TAG.test(tag))
    : [];
  if (
    typeof message.nonce !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(message.nonce) ||
    tags.length !== (message.tags as unknown[]).length
  ) {
    throw createError({ statusCode: 400, statusMessage: 'Bad purge' });
  }
  if (!(await firstSeen(message.nonce))) throw createError({ statusCode: 409, statusMessage: 'Replayed purge' });
  await purgePageTags(tags);
  setResponseStatus(event, 204);
  return null;
});
