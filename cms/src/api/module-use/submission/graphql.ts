import type { Core } from '@strapi/strapi';
import { FIELD_REASONS } from '../../registration/errors';
import type { ExtensionContext, ResolverContext } from '../../../graphql/extension';
import { LOCALE_CODES } from '../../../i18n/locales';
import { LEARNERS_MAX, moduleUseFormToken, useModule, type ModuleUseInput } from './submit';

const LOCALE_LIST = `${LOCALE_CODES.slice(0, -1).join(', ')} or ${LOCALE_CODES.at(-1)}`;
const ERRORS_DOC =
  'Refusals are GraphQL errors with `extensions.code` (one of INVALID_INPUT, FORM_EXPIRED, TOO_FAST, SPAM_SUSPECTED, ' +
  'RATE_LIMITED), `extensions.field` (the input field concerned, or null) and a message in the requested locale. ' +
  `INVALID_INPUT lists every invalid field in \`extensions.fieldErrors\` ([{ field, code, message }], code one of ${Object.keys(FIELD_REASONS).join(', ')}); ` +
  'RATE_LIMITED carries `extensions.retryAfterSeconds`. A refused call changes nothing.';

/**
 * The public contract of the trainers' "I use this module" form: a form token and the mutation
 * that stores a private record for the editors (submit.ts). No record is readable through the API.
 */
export default function moduleUseGraphql(strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.inputObjectType({
        name: 'ModuleUseInput',
        description: `A trainer telling the academy they use a module; kept privately for the editors. ${ERRORS_DOC}`,
        definition(t) {
          t.nonNull.string('fullName', { description: 'Required, at most 120 characters.' });
          t.nonNull.string('email', { description: 'Required, at most 254 characters.' });
          t.string('organisation', { description: 'Optional, at most 200 characters.' });
          t.nonNull.string('country', { description: 'Required, an ISO 3166-1 alpha-2 code (FR, IT…).' });
          t.nonNull.id('module', { description: 'The documentId of a published module.' });
          t.int('learners', { description: `Optional, how many learners: from 1 to ${LEARNERS_MAX}.` });
          t.string('context', {
            description: 'Optional, at most 1000 characters: how and with whom the module is used (line breaks kept).',
          });
          t.nonNull.boolean('consent', {
            description: 'Must be true: the trainer ticked the (unticked by default) box accepting the privacy policy.',
          });
          t.nonNull.string('locale', { description: `${LOCALE_LIST}: the language of error messages.` });
          t.nonNull.string('formToken', {
            description:
              'The token from `moduleUseFormToken`, fetched when the form was rendered. Refused as FORM_EXPIRED when forged or older than REGISTRATION_FORM_TOKEN_MAX_AGE_S (24 h), and as TOO_FAST when sent less than REGISTRATION_MIN_FILL_S (3 s) after it was issued. A form sent again with the same token is stored once.',
          });
          t.string('homepage', {
            description: 'Honeypot: anything in it is refused as SPAM_SUSPECTED. Send it empty or leave it out.',
          });
        },
      }),
      nexus.objectType({
        name: 'ModuleUseResult',
        definition(t) {
          t.nonNull.boolean('received', { description: 'Always true: the editors will see it.' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.string('moduleUseFormToken', {
            description:
              'A signed token for the "I use this module" form, to fetch when rendering it (each form its own) and send back as `formToken`.',
            resolve: () => moduleUseFormToken(strapi),
          });
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
          t.nonNull.field('useModule', {
            type: 'ModuleUseResult',
            description:
              "Tells the academy a trainer uses a module: stores a private record only editors read in the admin (never readable through the API). Rate limits per IP and per email (MODULE_USE_RATE_LIMIT_MAX per MODULE_USE_RATE_LIMIT_WINDOW_S); the site's server sends the reader's IP as for registerForTrainingSession. " +
              ERRORS_DOC,
            args: { data: nexus.nonNull(nexus.arg({ type: 'ModuleUseInput' })) },
            resolve: (_p: unknown, args: { data: ModuleUseInput }, context: ResolverContext) =>
              useModule(strapi, args.data, context.koaContext),
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.moduleUseFormToken': { auth: false },
      'Mutation.useModule': { auth: false },
    },
  });
}
