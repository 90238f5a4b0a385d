import { stringifyDocument, stringifyVariables, type Exchange, type Operation, type OperationResult } from '@urql/core';
import { LRUCache } from 'lru-cache';
import { filter, fromPromise, map, merge, mergeMap, pipe, share, tap } from 'wonka';
import { nextExpiry } from '#shared/job-offers';
import { jsonText } from './json-text';

/**
 * The CMS's answers to the pages' queries, kept in the site's server process (docs/design.md
 * "The data cache"), so that a page rendered again (its page-cache copy expired or purged, a page
 * the page cache does not keep, `NUXT_PAGE_CACHE=off`) does not ask the CMS again what it
 * answered a moment ago.
 *
 * - **Never older than the last publish.** Each render first reads the CMS's content version
 *   (`GET /api/content-version`, the position of the publishing change log: a row for every
 *   publish, update of published content, unpublish and delete, in the change's transaction), and
 *   keys every answer by that version with the operation (document and variables): from the
 *   commit of a change on, no render reuses an answer from before it. A version read is shared by
 *   the renders that asked for it before it was sent, never by one that asked after.
 * - **What changes with time alone** (a session's places left, an offer closing): an answer is kept
 *   NUXT_DATA_TTL seconds (10) at most, and never past the closing of an offer it holds; the page
 *   made of it is kept in the page cache that much less (plugins/urql.server.ts).
 * - **Only what every reader may see**: the renders of pages the page cache may keep
 *   (shared/page-cache.ts: never a preview, a reader's self-service page, search results or a page
 *   with a form token), as nobody (no reader's address, no token). Errors are never kept.
 * - **Kept as the render uses it**: an exchange of the render's GraphQL client, above the one that
 *   turns rich text into HTML (graphql/client.ts). A render that finds an answer takes its data as
 *   it is, frozen (nothing may change what the next render reads): no request, no JSON to parse,
 *   no Markdown to render again.
 * - Renders asking the same thing while it is not kept wait for the first one's answer. When the
 *   CMS cannot tell its version, nothing is reused: the render asks the CMS.
 *
 * `NUXT_DATA_CACHE=off` turns it off (the benchmark's "before").
 */
const TTL_MS = Number(process.env.NUXT_DATA_TTL ?? 10) * 1000;
const ENABLED = process.env.NUXT_DATA_CACHE !== 'off' && TTL_MS > 0;
const VERSION_TIMEOUT_MS = 2000;

interface Answer {
  /** The query's data, as the render's client made it (rich text as HTML), frozen. */
  data: object;
  /** When the CMS gave it (ms). */
  at: number;
}

const answers = new LRUCache<string, Answer>({
  max: Number(process.env.NUXT_DATA_CACHE_MAX_ENTRIES ?? 2000),
  // Bounded in size too: NUXT_DATA_CACHE_MAX_MB (32) of data, as JSON text, with the keys.
  maxSize: Number(process.env.NUXT_DATA_CACHE_MAX_MB ?? 32) * 1024 * 1024,
  sizeCalculation: (answer, key) => jsonText(answer.data).length + key.length,
  ttl: TTL_MS,
});

/** The answers being asked of the CMS by one render, that the others asking the same wait for. */
const asked = new Map<string, Promise<Answer | undefined>>();

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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface RenderDataCache {
  /** The exchange of the render's GraphQL client (above rich text, below the page's tags). */
  exchange: Exchange;
  /** When the oldest answer this render used was given by the CMS (ms), if it used any kept one. */
  oldestAnswer: () => number | undefined;
}

/** The data cache as one render uses it (one version read, at its first query). */
export function renderDataCache(cmsUrl: string): RenderDataCache | undefined {
  if (!ENABLED) return undefined;
  let version: Promise<string | undefined> | undefined;
  let oldest: number | undefined;
  const used = (answer: Answer) => (oldest = Math.min(oldest ?? answer.at, answer.at));
  // This render's operations that the CMS is asked (operation key → the answer's key and its waiters' promise).
  const asking = new Map<number, { key: string; settle: (answer: Answer | undefined) => void }>();

  const settle = (operationKey: number, answer: Answer | undefined) => {
    const ask = asking.get(operationKey);
    if (!ask) return;
    asking.delete(operationKey);
    asked.delete(ask.key);
    ask.settle(answer);
  };

  /** The kept answer to `operation`, or undefined when this render is to ask the CMS. */
  async function lookUp(operation: Operation): Promise<Answer | undefined> {
    version ??= contentVersion(cmsUrl);
    const current = await version;
    if (!current) return undefined;
    const key = `${current}\n${stringifyDocument(operation.query)}\n${stringifyVariables(operation.variables)}`;
    const kept = answers.get(key) ?? (await asked.get(key));
    if (kept) return kept;
    if (!asked.has(key)) {
      let resolve!: (answer: Answer | undefined) => void;
      asked.set(key, new Promise<Answer | undefined>((r) => (resolve = r)));
      asking.set(operation.key, { key, settle: resolve });
    }
    return undefined;
  }

  const exchange: Exchange =
    ({ forward }) =>
    (operations$) => {
      const shared = share(operations$);
      const looked = pipe(
        shared,
        filter((operation) => operation.kind === 'query'),
        mergeMap((operation) => fromPromise(lookUp(operation).then((answer) => ({ operation, answer }) as const))),
        share,
      );
      const kept = pipe(
        looked,
        filter(({ answer }) => answer !== undefined),
        map(({ operation, answer }): OperationResult => {
          used(answer!);
          return { operation, data: answer!.data, error: undefined, stale: false, hasNext: false };
        }),
      );
      const toAsk = pipe(
        looked,
        filter(({ answer }) => answer === undefined),
        map(({ operation }) => operation),
      );
      const others = pipe(
        shared,
        filter((operation) => operation.kind !== 'query'),
        // A render that stops waiting lets the others ask for themselves.
        tap((operation) => operation.kind === 'teardown' && settle(operation.key, undefined)),
      );
      const answered = pipe(
        forward(merge([toAsk, others])),
        tap((result) => {
          const ask = asking.get(result.operation.key);
          if (!ask) return;
          if (result.error || !result.data || result.hasNext) return settle(result.operation.key, undefined);
          const answer: Answer = { data: deepFreeze(result.data), at: Date.now() };
          const closes = nextExpiry(result.data, answer.at);
          answers.set(ask.key, answer, { ttl: closes === undefined ? TTL_MS : Math.min(TTL_MS, closes - answer.at) });
          used(answer);
          settle(result.operation.key, answer);
        }),
      );
      return merge([kept, answered]);
    };
  return { exchange, oldestAnswer: () => oldest };
}
