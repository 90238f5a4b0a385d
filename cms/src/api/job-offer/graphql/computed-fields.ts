import type { Core } from '@strapi/strapi';
import type { ExtensionContext } from '../../../graphql/extension';
import { isExpired, JOB_OFFER } from '../../../security/expiry';

/** `isExpired` on JobOffer: its `publishedUntil` has passed (only the lookup of one offer finds such a one). */
export default function computedFields(_strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.extendType({
        type: 'JobOffer',
        definition(t) {
          t.nonNull.boolean('isExpired', {
            description:
              'True once publishedUntil has passed: the offer has left every list, its page says it has expired and its contact (applyUrl, applyEmail) is withheld.',
            resolve: (parent: Record<string, unknown>) => isExpired(JOB_OFFER, parent),
          });
        },
      }),
    ],
    resolversConfig: {
      'JobOffer.isExpired': { auth: false },
    },
  });
}
