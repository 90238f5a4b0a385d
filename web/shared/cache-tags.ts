// The tags of the page cache (server/plugins/page-cache.ts): a page is tagged with everything it
// rendered, so that the CMS's purges (cms/src/publishing/purge.ts) reach exactly the pages a change
// shows on. The CMS purges `entry:<type>:<documentId>` and `list:<type>:<locale>` for each change,
// and `sitemap`.
//
// - `entry:<type>:<documentId>`: every object of a GraphQL result with a `__typename` (urql adds it
//   to every selection) and a `documentId`: the page's own entry, the cards of its lists, the job
//   sheets a module links to. Editing, unpublishing or deleting an entry purges every page that
//   shows it, wherever.
// - `list:<type>:<locale>`: every root field of a content type, in the locale it asked for: a
//   list (a new entry may join it), a single type (`home`), a lookup that found nothing. Not a
//   lookup by slug that found its entry: only that entry's change can change its answer (a slug is
//   unique per type and locale among published entries), and its entry tag covers it.
//
// Types are named as the CMS's partner API names them (`module`, `jobSheet`, `trainingSession`).

/** Root query fields → the type they return (the GraphQL contract, docs/design.md). */
const ROOT_FIELDS: Record<string, string> = {
  modules: 'module',
  module: 'module',
  jobSheets: 'jobSheet',
  jobSheet: 'jobSheet',
  interviews: 'interview',
  interview: 'interview',
  organisations: 'organisation',
  organisation: 'organisation',
  organisationListing: 'organisation',
  trainingSessions: 'trainingSession',
  trainingSession: 'trainingSession',
  webinars: 'webinar',
  webinar: 'webinar',
  competences: 'competence',
  competence: 'competence',
  themes: 'theme',
  theme: 'theme',
  audiences: 'audience',
  audience: 'audience',
  home: 'home',
  site: 'site',
  jobOffers: 'jobOffer',
  jobOffer: 'jobOffer',
  trainerKits: 'trainerKit',
  trainerKit: 'trainerKit',
  trainersCorner: 'trainersCorner',
};

/** `JobSheet` → `jobSheet`. */
export const typeName = (typename: string) => typename.charAt(0).toLowerCase() + typename.slice(1);

export const entryTag = (type: string, documentId: string) => `entry:${type}:${documentId}`;
export const listTag = (type: string, locale: string) => `list:${type}:${locale}`;
export const SITEMAP_TAG = 'sitemap';

// A minimal view of graphql-js's AST (this module stays free of the graphql package).
interface ValueNode {
  kind: string;
  value?: string;
  name?: { value: string };
  fields?: readonly { name: { value: string }; value: ValueNode }[];
}
interface FieldNode {
  kind: string;
  name: { value: string };
  alias?: { value: string };
  arguments?: readonly { name: { value: string }; value: ValueNode }[];
}
interface DocumentNode {
  readonly definitions: readonly { kind: string; selectionSet?: { selections: readonly unknown[] } }[];
}

function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === 'Variable') return variables[node.name!.value];
  if (node.kind === 'StringValue' || node.kind === 'EnumValue') return node.value;
  return undefined;
}

/** `filters: { slug: { eq: … } }` and nothing else: the lookup of one entry by its slug. */
function isSlugLookup(field: FieldNode): boolean {
  const filters = field.arguments?.find((a) => a.name.value === 'filters')?.value;
  if (filters?.kind !== 'ObjectValue' || filters.fields?.length !== 1) return false;
  const [only] = filters.fields;
  return (
    only!.name.value === 'slug' &&
    only!.value.kind === 'ObjectValue' &&
    only!.value.fields?.length === 1 &&
    only!.value.fields[0]!.name.value === 'eq'
  );
}

function collectEntries(value: unknown, tags: Set<string>) {
  if (Array.isArray(value)) {
    for (const item of value) collectEntries(item, tags);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (typeof object.__typename === 'string' && typeof object.documentId === 'string')
    tags.add(entryTag(typeName(object.__typename), object.documentId));
  for (const child of Object.values(object)) if (child && typeof child === 'object') collectEntries(child, tags);
}

/** The tags of one query's result (see above). */
export function resultTags(
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  data: unknown,
): string[] {
  const tags = new Set<string>();
  collectEntries(data, tags);
  const operation = query.definitions.find((d) => d.kind === 'OperationDefinition');
  const result = (data ?? {}) as Record<string, unknown>;
  for (const selection of (operation?.selectionSet?.selections ?? []) as FieldNode[]) {
    if (selection.kind !== 'Field') continue;
    const type = ROOT_FIELDS[selection.name.value];
    if (!type) continue;
    const answer = result[selection.alias?.value ?? selection.name.value];
    const found = Array.isArray(answer) ? answer.length > 0 : answer != null;
    if (found && isSlugLookup(selection)) continue;
    const locale = valueOf(selection.arguments?.find((a) => a.name.value === 'locale')?.value, variables ?? {});
    tags.add(listTag(type, typeof locale === 'string' && locale ? locale : 'en'));
  }
  return [...tags];
}
