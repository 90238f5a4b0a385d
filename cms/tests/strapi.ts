import { beforeAll, expect } from 'vitest';
import { bootStrapi } from '../scripts/lib/boot.mjs';
import type { Core } from '@strapi/strapi';
import { startMailbox, type Mailbox } from './mailbox';

/**
 * One Strapi per test process, booted in-process against a throwaway database (a new SQLite file,
 * or the fresh PostgreSQL database scripts/test.mjs creates), with the demo content seeded.
 */
export interface TestApp {
  strapi: Core.Strapi;
  url: string;
  database: 'sqlite' | 'postgres';
  /** Every mail the CMS sent during the run (a real SMTP server in this process). */
  mailbox: Mailbox;
}

declare global {
  var __academyApp: Promise<TestApp> | undefined;
}

export function getApp(): Promise<TestApp> {
  globalThis.__academyApp ??= (async () => {
    const mailbox = await startMailbox();
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(mailbox.port);
    // The suite registers hundreds of times from 127.0.0.1 (the rate-limit tests lower the limit),
    // and waits for retried mails: whatever the environment says.
    process.env.REGISTRATION_RATE_LIMIT_MAX = '100000';
    process.env.REGISTRATION_MAIL_RETRY_BASE_S = '1';
    process.env.SITE_URL = 'http://localhost:3000';
    // No site listens: purges go only where a test points them (tests/content-changes.test.ts).
    process.env.SITE_PURGE_URLS = '';
    const app = await bootStrapi({ seed: 'first' });
    return { ...app, mailbox } as TestApp;
  })();
  return globalThis.__academyApp;
}

// The first test file that imports this module boots the CMS in a hook (hookTimeout), not inside
// its first test (testTimeout): on a busy machine a boot takes longer than a test may.
beforeAll(async () => {
  await getApp();
});

export interface GraphQLResult {
  status: number;
  body: any;
  data: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** POSTs a GraphQL operation as a reader or partner without a token would. */
export async function graphql(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResult> {
  const { url } = await getApp();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body, data: body.data, errors: body.errors };
}

export { LOCALE_CODES as LOCALES } from '../src/i18n/locales';

/** `items`, once checked to hold something: a check of every item of an empty list proves nothing. */
// GraphQL answers are untyped (`any`) in these tests: T defaults to what the caller's list holds.
export function nonEmpty<T = any>(items: readonly T[] | null | undefined, what = 'the list'): readonly T[] {
  expect(items?.length ?? 0, `${what} is empty`).toBeGreaterThan(0);
  return items ?? [];
}
