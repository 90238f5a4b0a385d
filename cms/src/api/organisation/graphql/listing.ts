import type { Core } from '@strapi/strapi';
import { GraphQLError } from 'graphql';
import type { ExtensionContext } from '../../../graphql/extension';
import { listOrganisations, type Filters } from '../listing/query';

/**
 * `organisationListing`: one page of the Atlas (published organisations of a locale, by name),
 * filtered by country, kind, role and service, with the count of every facet value — what a
 * list of 1000+ organisations needs without sending them all to a reader or a partner.
 *
 * The count of a value is the length of the list a reader would get by choosing it, the other
 * filters staying as they are; every value present in the locale is listed, with 0 when the
 * other filters exclude it. The database computes it (../listing/query.ts).
 */
export const LISTING_PAGE_SIZE = { default: 24, max: 100 } as const;

export default function organisationListing(strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.inputObjectType({
        name: 'OrganisationListingFilters',
        description: 'At most one value per facet; values as in OrganisationListing.facets.',
        definition(t) {
          t.string('country', { description: 'ISO 3166-1 alpha-2 code, e.g. "FR".' });
          t.string('kind', { description: 'An ENUM_ORGANISATION_KIND value, e.g. "social_enterprise".' });
          t.string('role', { description: 'One of the values of Organisation.roles, e.g. "training".' });
          t.id('service', { description: 'The documentId of a Theme.' });
        },
      }),
      nexus.objectType({
        name: 'ListingFacetValue',
        definition(t) {
          t.nonNull.string('facet');
          t.nonNull.string('value');
          t.nonNull.int('count', {
            description: 'Entries the list would have with this value chosen, the other filters staying.',
          });
        },
      }),
      nexus.objectType({
        name: 'OrganisationListing',
        definition(t) {
          t.nonNull.list.nonNull.field('nodes', { type: 'Organisation' });
          t.nonNull.int('total', { description: 'Organisations matching the filters.' });
          t.nonNull.int('page');
          t.nonNull.int('pageSize');
          t.nonNull.int('pageCount');
          t.nonNull.list.nonNull.field('facets', { type: 'ListingFacetValue' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.field('organisationListing', {
            type: 'OrganisationListing',
            description:
              'One page of the published organisations of a locale, sorted by name, filtered by country, kind, role and service, ' +
              `with the count of every facet value. pageSize: ${LISTING_PAGE_SIZE.default} by default, ${LISTING_PAGE_SIZE.max} at most; ` +
              'a page past the last one has no nodes.',
            args: {
              locale: nexus.arg({ type: 'I18NLocaleCode' }),
              filters: nexus.arg({ type: 'OrganisationListingFilters' }),
              page: nexus.intArg({ default: 1 }),
              pageSize: nexus.intArg({ default: LISTING_PAGE_SIZE.default }),
            },
            async resolve(
              _parent: unknown,
              args: { locale?: string; filters?: Filters; page?: number; pageSize?: number },
            ) {
              const page = args.page ?? 1;
              const pageSize = args.pageSize ?? LISTING_PAGE_SIZE.default;
              if (!Number.isInteger(page) || page < 1) throw badInput('page must be 1 or more.');
              if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > LISTING_PAGE_SIZE.max) {
                throw badInput(`pageSize must be between 1 and ${LISTING_PAGE_SIZE.max}.`);
              }
              const locale = args.locale ?? 'en';
              const result = await listOrganisations(strapi, locale, args.filters ?? {}, page, pageSize);
              const nodes = result.ids.length
                ? await strapi.documents('api::organisation.organisation').findMany({
                    locale,
                    status: 'published',
                    filters: { documentId: { $in: result.ids } },
                  })
                : [];
              const byId = new Map(nodes.map((node) => [node.documentId, node]));
              return { ...result, nodes: result.ids.map((id) => byId.get(id)).filter(Boolean) };
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.organisationListing': { auth: false },
    },
  });
}

function badInput(message: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
