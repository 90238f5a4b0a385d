/**
 * Slugs an entry of a type may not take, in any locale: the site's fixed pages under that type's
 * list path (web/shared/routes.ts: the Atlas's form to add an organisation, /fr/atlas/proposer,
 * /en/atlas/add, /it/atlante/aggiungi, /es/atlas/anadir). An organisation's slug is shared by its
 * locales, so none of the four segments is available to it.
 */
export const RESERVED_SLUGS: Record<string, readonly string[]> = {
  'api::organisation.organisation': ['proposer', 'add', 'aggiungi', 'anadir'],
};

export function isReservedSlug(uid: string, slug: unknown): boolean {
  return typeof slug === 'string' && (RESERVED_SLUGS[uid] ?? []).includes(slug.trim().toLowerCase());
}
