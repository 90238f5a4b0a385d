import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { RATE_LIMIT_TABLE } from '../tables';

/**
 * Rate limits per client IP and per email address (REGISTRATION_RATE_LIMIT_MAX attempts per
 * REGISTRATION_RATE_LIMIT_WINDOW_S seconds; the Atlas's submission form, ORGANISATION_SUBMISSION_*), counted in the CMS's own database with
 * rate-limiter-flexible, so that every replica shares them without another service to run:
 * one upsert per check, negligible next to a registration. Keys are hashed (no IP address or
 * email in clear in the table).
 */
export type LimitKind =
  'ip' | 'email' | 'self-service' | 'submission-ip' | 'submission-email' | 'module-use-ip' | 'module-use-email';
const KINDS: LimitKind[] = [
  'ip',
  'email',
  'self-service',
  'submission-ip',
  'submission-email',
  'module-use-ip',
  'module-use-email',
];

/** The Atlas's submissions have their own limits (config/submissions.ts), the rest the registration's. */
function settings(strapi: Core.Strapi, kind: LimitKind): { max: number; windowSeconds: number } {
  // The trainers' "I use this module" form (src/api/module-use/) has its own (config/submissions.ts).
  const path = kind.startsWith('module-use-')
    ? 'submissions.moduleUseRateLimit'
    : kind.startsWith('submission-')
      ? 'submissions.rateLimit'
      : 'registration.rateLimit';
  return strapi.config.get(path) as { max: number; windowSeconds: number };
}

// Limiter objects only (their counts live in the database), per connection and settings.
const cache = new WeakMap<object, Map<string, Promise<RateLimiterAbstract>>>();
let creating: Promise<unknown> = Promise.resolve();

function limiter(strapi: Core.Strapi, kind: LimitKind): Promise<RateLimiterAbstract> {
  const { max, windowSeconds } = settings(strapi, kind);
  const knex = strapi.db.connection;
  let byKey = cache.get(knex);
  if (!byKey) cache.set(knex, (byKey = new Map()));
  const key = `${kind}:${max}:${windowSeconds}`;
  let found = byKey.get(key);
  if (!found) {
    const Store = strapi.db.dialect.client === 'postgres' ? RateLimiterPostgres : RateLimiterSQLite;
    // One at a time: each instance creates the shared table when missing (CREATE TABLE IF NOT
    // EXISTS races with itself on PostgreSQL).
    found = creating.then(
      () =>
        new Promise<RateLimiterAbstract>((resolve, reject) => {
          const instance: RateLimiterAbstract = new Store(
            {
              storeClient: knex,
              storeType: 'knex',
              tableName: RATE_LIMIT_TABLE,
              keyPrefix: `registration-${kind}`,
              points: max,
              duration: windowSeconds,
            },
            (error?: Error) => (error ? reject(error) : resolve(instance)),
          );
        }),
    );
    creating = found.catch(() => undefined);
    byKey.set(key, found);
  }
  return found;
}

/** Creates the limiters (and their table) at start, before the first reader arrives. */
export async function prepareRateLimits(strapi: Core.Strapi) {
  for (const kind of KINDS) await limiter(strapi, kind);
}

/** Counts one attempt; returns the seconds to wait when the limit is reached, else null. */
export async function consumeAttempt(strapi: Core.Strapi, kind: LimitKind, value: string): Promise<number | null> {
  const key = crypto.createHash('sha256').update(value).digest('base64url');
  try {
    await (await limiter(strapi, kind)).consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
