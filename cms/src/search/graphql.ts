import type { Core } from '@strapi/strapi';
import { GraphQLError } from 'graphql';
import type { ExtensionContext } from '../graphql/extension';
import { isSearchType, SEARCH_TYPE_NAMES, type SearchType } from './documents';
import { SEARCH_LIMITS, type SearchService } from './search';
import { isSearchLocale, SEARCH_LOCALES } from './text';

/**
 * `search(locale, query, types, page, pageSize)`: the published modules, job sheets, interviews,
 * organisations, training sessions, webinars and competences that match, best first. Public, like the
 * content it searches; a refused argument is a BAD_USER_INPUT naming it, and nothing runs.
 */
// On the Strapi instance (Strapi loads this file apart from code that imports it, e.g. the tests).
const SERVICE = Symbol.for('academy.search');
type WithSearch = { [SERVICE]?: SearchService };
export const setSearchService = (strapi: Core.Strapi, next: SearchService | undefined) => {
  (strapi as unknown as WithSearch)[SERVICE] = next;
};
export const searchService = (strapi: Core.Strapi) => (strapi as unknown as WithSearch)[SERVICE];

function badInput(message: string, field: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function checkSearchArgs(args: {
  locale: string;
  query: string;
  types?: string[] | null;
  page?: number | null;
  pageSize?: number | null;
}) {
  if (!isSearchLocale(args.locale)) throw badInput(`locale must be one of ${SEARCH_LOCALES.join(', ')}.`, 'locale');
  const query = args.query.trim();
  if (query.length === 0) throw badInput('query must not be empty.', 'query');
  if (query.length > SEARCH_LIMITS.maxQueryLength)
    throw badInput(`query must be ${SEARCH_LIMITS.maxQueryLength} characters at most.`, 'query');
  let types: SearchType[] | null = null;
  if (args.types != null && args.types.length > 0) {
    const unknown = args.types.find((type) => !isSearchType(type));
    if (unknown !== undefined)
      throw badInput(`types: "${unknown}" is not one of ${SEARCH_TYPE_NAMES.join(', ')}.`, 'types');
    types = [...new Set(args.types as SearchType[])];
  }
  const page = args.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > SEARCH_LIMITS.maxPage)
    throw badInput(`page must be between 1 and ${SEARCH_LIMITS.maxPage}.`, 'page');
  const pageSize = args.pageSize ?? SEARCH_LIMITS.defaultPageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SEARCH_LIMITS.maxPageSize)
    throw badInput(`pageSize must be between 1 and ${SEARCH_LIMITS.maxPageSize}.`, 'pageSize');
  return { locale: args.locale, query, types, page, pageSize };
}

export default function searchGraphql(strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.objectType({
        name: 'SearchHighlight',
        description:
          'A matched word in the excerpt: `excerpt.slice(start, end)` (UTF-16 offsets, as JavaScript counts).',
        definition(t) {
          t.nonNull.int('start');
          t.nonNull.int('end');
        },
      }),
      nexus.objectType({
        name: 'SearchResult',
        definition(t) {
          t.nonNull.string('type', {
            description: 'module, jobSheet, interview, organisation, trainingSession, webinar or competence.',
          });
          t.nonNull.id('documentId');
          t.nonNull.string('slug');
          t.nonNull.string('title');
          t.nonNull.string('excerpt', { description: 'Plain text (never markup): a short passage around the match.' });
          t.nonNull.list.nonNull.field('highlights', { type: 'SearchHighlight' });
          t.nonNull.float('score', { description: 'Relevance, higher first; comparable within one answer only.' });
          t.nonNull.string('locale', {
            description: "The text's locale: the one asked, or en when not yet translated.",
          });
          t.nonNull.boolean('fallback', {
            description: 'True when the entry is not translated yet: found in English.',
          });
        },
      }),
      nexus.objectType({
        name: 'SearchTypeCount',
        definition(t) {
          t.nonNull.string('type');
          t.nonNull.int('count');
        },
      }),
      nexus.objectType({
        name: 'SearchResultPage',
        definition(t) {
          t.nonNull.int('total', { description: 'Matching entries of the types asked.' });
          t.nonNull.int('page');
          t.nonNull.int('pageSize');
          t.nonNull.list.nonNull.field('items', { type: 'SearchResult' });
          t.nonNull.list.nonNull.field('typeCounts', {
            type: 'SearchTypeCount',
            description: 'Matching entries per type, whatever `types` says (what each type filter would give).',
          });
          t.nonNull.list.nonNull.string('suggestions', {
            description: 'When nothing matched: indexed words close to those asked.',
          });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.field('search', {
            type: 'SearchResultPage',
            description:
              `Published entries matching a query in one locale (accents and case ignored, stemmed, one typo in words of 5+ letters, the last word as a prefix). ` +
              `query: ${SEARCH_LIMITS.maxQueryLength} characters at most; types: any of ${SEARCH_TYPE_NAMES.join(', ')}; ` +
              `page: 1 to ${SEARCH_LIMITS.maxPage}; pageSize: ${SEARCH_LIMITS.defaultPageSize} by default, ${SEARCH_LIMITS.maxPageSize} at most.`,
            args: {
              locale: nexus.nonNull(nexus.stringArg()),
              query: nexus.nonNull(nexus.stringArg()),
              types: nexus.list(nexus.nonNull(nexus.stringArg())),
              page: nexus.intArg({ default: 1 }),
              pageSize: nexus.intArg({ default: SEARCH_LIMITS.defaultPageSize }),
            },
            async resolve(
              _parent: unknown,
              args: {
                locale: string;
                query: string;
                types?: string[] | null;
                page?: number | null;
                pageSize?: number | null;
              },
            ) {
              const checked = checkSearchArgs(args);
              const service = searchService(strapi);
              if (!service)
                throw new GraphQLError('Search is starting: try again in a moment.', {
                  extensions: { code: 'SERVICE_UNAVAILABLE' },
                });
              const result = await service.search(checked);
              return { ...result, page: checked.page, pageSize: checked.pageSize };
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.search': { auth: false },
    },
  });
}
