import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { H3Event } from 'h3';
import { getAsset } from '#nitro-internal-virtual/public-assets';
import { canonicalPageUrl } from '#shared/page-query';
import { isPageCached } from '#shared/page-cache';
import { pageCacheKey } from '../utils/page-cache';

// Replays of responses that are the same bytes for every reader (docs/benchmarks.md "Where a
// request's time goes"): a page-cache hit, a public asset (/_nuxt/ scripts and styles, the
// favicon, images, precompressed or not) and robots.txt. The first such response goes through
// the whole server (h3's middleware, nuxt-security's headers, the page cache, the compression
// plugins); its status, headers and bytes are kept here, by URL and Accept-Encoding, and the next
// request for them gets those very bytes and headers written to the socket, before h3's stack.
//
// A page is replayed only while the page cache holds the very item it came from: every replay
// reads the item from the page cache's storage (the one purges clear: in-process, or Redis shared
// by every replica), compares it with the item the kept response was made of, and checks its
// expiry as nuxt-multi-cache would; a purged, expired or re-rendered page takes the whole path
// again (which renders, revalidates or serves stale as before). A page whose response is not its
// cached text (a session page's per-response form token) is never kept. Requests whose headers
// could change the answer (conditional, ranged, with a cookie or credentials) and other methods
// than GET take the whole path. NUXT_RESPONSE_REPLAY=off turns replays off (the benchmark's
// "before"); NUXT_RESPONSE_REPLAY_MAX_BYTES bounds what is kept (64 MB; the oldest kept out first).

const ITEM_DELIMITER = '<CACHE_ITEM>'; // nuxt-multi-cache 4's route cache item: JSON metadata, delimiter, body
const CACHE_PERMANENT = -1; // nuxt-multi-cache's `expires` of an item without a max age
/** Paths whose response depends on the process's configuration only. */
const CONSTANT_PATHS = new Set(['/robots.txt']);
const MAX_BYTES = Number(process.env.NUXT_RESPONSE_REPLAY_MAX_BYTES ?? 64 * 1024 * 1024);

interface Kept {
  status: number;
  /** Names and values, flat, as `writeHead` takes them. */
  headers: string[];
  body: Buffer;
  bytes: number;
  /** A page: the page cache's key and the item (metadata and text) the response was made of. */
  page?: { key: string; item: string; expires: number };
}

const kept = new Map<string, Kept>();
let keptBytes = 0;

function keep(key: string, entry: Kept) {
  forget(key);
  kept.set(key, entry);
  keptBytes += entry.bytes;
  for (const [oldest, old] of kept) {
    if (keptBytes <= MAX_BYTES) break;
    kept.delete(oldest);
    keptBytes -= old.bytes;
  }
}

function forget(key: string) {
  const entry = kept.get(key);
  if (!entry) return;
  kept.delete(key);
  keptBytes -= entry.bytes;
}

const NOT_REPLAYED =
  /^(cookie|authorization|if-none-match|if-modified-since|if-match|if-unmodified-since|if-range|range)$/;
function replayable(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== 'GET') return false;
  for (const name in headers) if (NOT_REPLAYED.test(name)) return false;
  return true;
}

/** What kind of response `url` gets, if it is the same for every reader; undefined otherwise. */
function kindOf(url: string): 'page' | 'constant' | undefined {
  if (isPageCached(url)) return 'page';
  if (CONSTANT_PATHS.has(url)) return 'constant';
  // A file of the build's public folder (Nitro's static handler answers it), asked without a query.
  if (!url.includes('?') && !url.includes('%') && getAsset(url)) return 'constant';
}

function send(res: ServerResponse, entry: Kept) {
  res.writeHead(entry.status, entry.headers);
  res.end(entry.body);
}

const expired = (expires: number) => expires !== CACHE_PERMANENT && expires < Math.floor(Date.now() / 1000);

const text = (body: Buffer, encoding: unknown) =>
  (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString();

/** The response as it leaves, if it can be replayed to the next reader; undefined otherwise. */
function capture(res: ServerResponse, chunk: unknown, kind: 'page' | 'constant', event: H3Event) {
  if (res.statusCode !== 200 || res.headersSent || res.hasHeader('set-cookie')) return;
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return;
  // Only a page-cache hit sent as its cached text (no per-response rewrite), compressed or not:
  // checked before the body is copied (a render's page is not kept, and is 30-70 KB).
  const multiCache = event.context.multiCache;
  const decoded = kind === 'page' && multiCache?.routeServedFromCache ? multiCache.routeCachedDecoded : undefined;
  if (kind === 'page' && (!decoded || typeof decoded.data !== 'string')) return;
  const body = Buffer.from(chunk as string | Uint8Array);
  let page: Kept['page'];
  if (decoded) {
    if (text(body, res.getHeader('content-encoding')) !== decoded.data) return;
    const { data, ...metadata } = decoded;
    // A stale copy served while the page is rendered again (stale-while-revalidate) is not kept.
    if (expired(Number(metadata.expires))) return;
    const item = JSON.stringify(metadata) + ITEM_DELIMITER + data;
    // The key the page cache read it under (server/multiCache.serverOptions.ts buildCacheKey).
    page = { key: pageCacheKey(event.path), item, expires: Number(metadata.expires) };
  }
  const headers: string[] = [];
  // Names as the handlers wrote them (ETag, Content-Length from Nitro's static handler).
  // (Node's OutgoingMessage has getRawHeaderNames since 15; @types/node declares it on requests only.)
  for (const name of (res as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames()) {
    const value = res.getHeader(name);
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.push(name, String(one));
  }
  return { status: 200, headers, body, bytes: body.length + (page?.item.length ?? 0), page } satisfies Kept;
}

export default defineNitroPlugin((nitroApp) => {
  if (process.env.NUXT_RESPONSE_REPLAY === 'off') return;
  const storage = useMultiCacheApp().cache.route?.storage;
  const handle = nitroApp.h3App.handler;

  /** Whether the kept page is still the page cache's, unexpired: the same check as a cache hit. */
  async function current(page: NonNullable<Kept['page']>): Promise<boolean> {
    if (expired(page.expires)) return false;
    const raw = await storage?.getItemRaw(page.key);
    const item = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString() : raw;
    if (item !== page.item) return false;
    // The same text: kept as the storage's own string (in process, the next comparison is then of
    // one string with itself, not of their 40 KB).
    page.item = item;
    return true;
  }

  nitroApp.h3App.handler = async (event) => {
    const req = event.node.req;
    if (!req.url || !replayable(req.method, req.headers)) return handle(event);
    // The URL as the page cache keys it (server/plugins/page-query.ts does the same, idempotent).
    if (req.url.includes('?') && isPageCached(req.url)) req.url = canonicalPageUrl(req.url);
    const url = req.url;
    const key = `${url}\n${req.headers['accept-encoding'] ?? ''}`;
    const entry = kept.get(key);
    if (entry && (!entry.page || (await current(entry.page)))) return send(event.node.res, entry);
    if (entry) forget(key);
    const kind = kindOf(url);
    if (!kind) return handle(event);
    // Kept as it leaves: h3 sends a whole body with one `end` (a streamed one is not kept).
    const res = event.node.res;
    const { end, write } = res;
    let streamed = false;
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      streamed = true;
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as typeof res.write;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      res.write = write;
      res.end = end;
      let captured: Kept | undefined;
      if (!streamed) {
        try {
          captured = capture(res, args[0], kind, event);
        } catch (error) {
          console.error('[response replay] not kept:', error instanceof Error ? error.message : error);
        }
      }
      const sent = (end as (...a: unknown[]) => ServerResponse).apply(this, args);
      if (captured) {
        // The framing Node chose for it: its length, or chunks when a plugin removed the length
        // (the compression does).
        if (!res.chunkedEncoding && !res.hasHeader('content-length')) {
          captured.headers.push('Content-Length', String(captured.body.length));
        }
        keep(key, captured);
      }
      return sent;
    } as typeof res.end;
    return handle(event);
  };
});
