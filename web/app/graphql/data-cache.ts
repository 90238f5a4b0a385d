import { LRUCache } from 'lru-cache';
import { secondsUntilNextExpiry } from '#shared/job-offers';

/**
 * The CMS's answers to the pages' queries, kept in the site's server process (docs/design.md
 * "The data cache"), so that a page rendered again (its page-cache copy expired or purged, a page
 * the page cache does not keep, `NUXT_PAGE_CACHE=off`) does not ask the CMS again what it
 * answered a moment ago.
 *
 * - **Never older than the last publish.** Each render first reads the CMS's content version
 *   (`GET /api/content-version`, the position of the publishing change log: a row for every
 *   publish, update of published content, unpublish and delete, in the change's transaction), and
 *   keys every answer by that version with the operation's body (document and variables): from the
 *   commit of a change on, no render reuses an answer from before it. A version read is shared by
 *   the renders that asked for it before it was sent, never by one that asked after.
 * - **What changes with time alone** (a session's places left, an offer closing): an answer is kept
 *   NUXT_DATA_TTL seconds (10) at most, and never past the closing of an offer it holds; the page
 *   made of it is kept in the page cache that much less (plugins/urql.server.ts).
 * - **Only what every reader may see**: the renders of pages the page cache may keep
 *   (shared/page-cache.ts: never a preview, a reader's self-service page, search results or a page
 *   with a form token), as nobody (no reader's address, no token). Errors are never kept.
 * - Concurrent renders asking the same thing while it is not kept share one request (lru-cache's
 *   `fetch`). When the CMS cannot tell its version, nothing is reused: the render asks the CMS.
 *
 * `NUXT_DATA_CACHE=off` turns it off (the benchmark's "before").
 */
const TTL_MS = Number(process.env.NUXT_DATA_TTL ?? 10) * 1000;
const ENABLED = process.env.NUXT_DATA_CACHE !== 'off' && TTL_MS > 0;
const VERSION_TIMEOUT_MS = 2000;

interface Answer {
  status: number;
  type: string;
  text: string;
  /** When the CMS gave it (ms). */
  at: number;
}

interface Request {
  url: string;
  init: RequestInit;
}

/** An answer to pass on once but never keep (an error, an answer that is not GraphQL's data). */
class NotKept extends Error {
  constructor(readonly answer: Answer) {
    super('Not kept');
  }
}

async function ask({ url, init }: Request): Promise<Answer> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? 'application/json',
    text: await response.text(),
    at: Date.now(),
  };
}

const answers = new LRUCache<string, Answer, Request>({
  max: Number(process.env.NUXT_DATA_CACHE_MAX_ENTRIES ?? 2000),
  // Bounded in size too: NUXT_DATA_CACHE_MAX_MB of text (32).
  maxSize: Number(process.env.NUXT_DATA_CACHE_MAX_MB ?? 32) * 1024 * 1024,
  sizeCalculation: (answer, key) => answer.text.length + key.length,
  ttl: TTL_MS,
  async fetchMethod(_key, _stale, { options, context }) {
    const answer = await ask(context);
    let body: { data?: unknown; errors?: unknown[] } | undefined;
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw new NotKept(answer);
    }
    if (answer.status !== 200 || !body?.data || (body.errors?.length ?? 0) > 0) throw new NotKept(answer);
    const closes = secondsUntilNextExpiry(body.data);
    if (closes !== undefined) options.ttl = Math.min(TTL_MS, closes * 1000);
    return answer;
  },
});

// The version read that has not been sent yet (renders asking now share it), and the one under way.
let waiting: Promise<string | undefined> | undefined;
let underWay: Promise<unknown> = Promise.resolve();

/** The CMS's content version, read after this call; undefined when the CMS could not tell. */
function contentVersion(cmsUrl: string): Promise<string | undefined> {
  if (waiting) return waiting;
  const read = underWay.then(async () => {
    waiting = undefined;
    try {
      const response = await fetch(`${cmsUrl}/api/content-version`, {
        signal: AbortSignal.timeout(VERSION_TIMEOUT_MS),
      });
      const body = response.ok ? ((await response.json()) as { version?: unknown }) : {};
      return typeof body.version === 'string' ? body.version : undefined;
    } catch {
      return undefined;
    }
  });
  waiting = read;
  underWay = read;
  return read;
}

export interface RenderDataCache {
  /** The `fetch` of the render's GraphQL client. */
  fetch: typeof fetch;
  /** When the oldest answer this render used was given by the CMS (ms), if it used any kept one. */
  oldestAnswer: () => number | undefined;
}

/** The data cache as one render uses it (one version read, at its first query). */
export function renderDataCache(cmsUrl: string): RenderDataCache | undefined {
  if (!ENABLED) return undefined;
  let version: Promise<string | undefined> | undefined;
  let oldest: number | undefined;
  const cachedFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    version ??= contentVersion(cmsUrl);
    const current = await version;
    if (!current || init.method !== 'POST' || typeof init.body !== 'string') return fetch(input, init);
    // Shared by every render that asks the same: no one render's abort signal.
    const request: Request = { url: String(input), init: { method: 'POST', headers: init.headers, body: init.body } };
    let answer: Answer;
    try {
      answer = (await answers.fetch(`${current}\n${init.body}`, { context: request }))!;
      oldest = Math.min(oldest ?? answer.at, answer.at);
    } catch (error) {
      if (!(error instanceof NotKept)) throw error;
      answer = error.answer;
    }
    return new Response(answer.text, { status: answer.status, headers: { 'content-type': answer.type } });
  };
  return { fetch: cachedFetch as typeof fetch, oldestAnswer: () => oldest };
}
