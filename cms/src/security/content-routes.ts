import { factories, type UID } from '@strapi/strapi';
import { API_TOKEN_STRATEGY } from './drafts';

/**
 * The REST routes of the content types answer API tokens only. Readers (the site) and partners
 * use GraphQL (DESIGN.md: "REST only where GraphQL cannot serve"), so the public role, which
 * GraphQL needs, opens no REST; a token keeps it for editors' tools and the site's preview (a
 * full-access token reads drafts with `?status=draft`). What a token reads is decided by
 * src/security/drafts.ts, as for GraphQL.
 */
export function tokenOnlyRouter(uid: string) {
  const tokenOnly = { auth: { strategies: [API_TOKEN_STRATEGY] } };
  const config = Object.fromEntries(
    ['find', 'findOne', 'create', 'update', 'delete'].map((action) => [action, tokenOnly]),
  );
  // Strapi types a route's `auth` as `false | { scope }`, without the `strategies` its router honours.
  return factories.createCoreRouter(
    uid as UID.ContentType,
    { config } as unknown as Parameters<typeof factories.createCoreRouter>[1],
  );
}
