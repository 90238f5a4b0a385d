import type { Core } from '@strapi/strapi';
import { FIELD_REASONS } from '../../registration/errors';
import type { ExtensionContext, ResolverContext } from '../../../graphql/extension';
import { LOCALE_CODES } from '../../../i18n/locales';
import { KINDS, MAX_SERVICES, submissionFormToken, submitOrganisation, type SubmissionInput } from './submit';
import { ORGANISATION_ROLES } from '../../../editors/choices';

const LOCALE_LIST = `${LOCALE_CODES.slice(0, -1).join(', ')} or ${LOCALE_CODES.at(-1)}`;
const ERRORS_DOC =
  'Refusals are GraphQL errors with `extensions.code` (one of INVALID_INPUT, FORM_EXPIRED, TOO_FAST, SPAM_SUSPECTED, ' +
  'RATE_LIMITED), `extensions.field` (the input field concerned, or null) and a message in the requested locale. ' +
  `INVALID_INPUT lists every invalid field in \`extensions.fieldErrors\` ([{ field, code, message }], code one of ${Object.keys(FIELD_REASONS).join(', ')}); ` +
  'RATE_LIMITED carries `extensions.retryAfterSeconds`. A refused call changes nothing.';

/**
 * The public contract of the Atlas's "Add your organisation" form: a form token, and the mutation
 * that creates a draft organisation for the editors to review (submit.ts). Nothing of the
 * submitter's contact is readable through the API.
 */
export default function organisationSubmissionGraphql(strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.inputObjectType({
        name: 'OrganisationSubmissionInput',
        description: `An organisation proposed for the Atlas by a reader; it becomes a draft that editors publish or delete. ${ERRORS_DOC}`,
        definition(t) {
          t.nonNull.string('name', { description: 'Required, at most 200 characters.' });
          t.nonNull.string('description', {
            description: 'Required, at most 3000 characters, in the language of `locale` (line breaks kept).',
          });
          t.nonNull.string('kind', { description: `Required, one of: ${KINDS.join(', ')}.` });
          t.list.nonNull.string('roles', { description: `Any of: ${ORGANISATION_ROLES.join(', ')}.` });
          t.nonNull.string('country', { description: 'Required, an ISO 3166-1 alpha-2 code (FR, IT…).' });
          t.string('city', { description: 'Optional, at most 120 characters.' });
          t.string('website', { description: 'Optional, an http(s) URL of at most 300 characters.' });
          t.list.nonNull.id('services', {
            description: `Optional, at most ${MAX_SERVICES} documentIds of published themes (what the organisation offers).`,
          });
          t.int('foundedYear', { description: 'Optional, from 1800 to the current year.' });
          t.nonNull.string('contactName', {
            description: "The submitter's name (required, at most 120 characters): private, erased after moderation.",
          });
          t.nonNull.string('contactEmail', {
            description:
              "The submitter's email (required, at most 254 characters), for the acknowledgement and the moderation's outcome: private, erased after moderation.",
          });
          t.nonNull.boolean('consent', {
            description:
              'Must be true: the submitter ticked the (unticked by default) box accepting the privacy policy.',
          });
          t.nonNull.string('locale', {
            description: `${LOCALE_LIST}: the language of the draft, of error messages and of the mails to the submitter.`,
          });
          t.nonNull.string('formToken', {
            description:
              'The token from `organisationSubmissionFormToken`, fetched when the form was rendered. Refused as FORM_EXPIRED when forged or older than REGISTRATION_FORM_TOKEN_MAX_AGE_S (24 h), and as TOO_FAST when sent less than REGISTRATION_MIN_FILL_S (3 s) after it was issued.',
          });
          t.string('homepage', {
            description:
              'Honeypot: a field hidden from people (and from assistive technology); anything in it is refused as SPAM_SUSPECTED. Send it empty or leave it out.',
          });
        },
      }),
      nexus.objectType({
        name: 'OrganisationSubmissionResult',
        definition(t) {
          t.nonNull.boolean('received', {
            description: 'Always true: the draft is waiting for the editors, and the acknowledgement is on its way.',
          });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.string('organisationSubmissionFormToken', {
            description:
              'A signed token for the "Add your organisation" form, to fetch when rendering it (each form its own) and send back as `formToken`.',
            resolve: () => submissionFormToken(strapi),
          });
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
          t.nonNull.field('submitOrganisation', {
            type: 'OrganisationSubmissionResult',
            description:
              "Proposes an organisation for the Atlas: creates a draft organisation (never public until an editor publishes it), keeps the submitter's contact privately until moderation, mails them an acknowledgement and the editors a notice. Rate limits per IP and per email (ORGANISATION_SUBMISSION_RATE_LIMIT_MAX per ORGANISATION_SUBMISSION_RATE_LIMIT_WINDOW_S); the site's server sends the reader's IP as for registerForTrainingSession. " +
              ERRORS_DOC,
            args: { data: nexus.nonNull(nexus.arg({ type: 'OrganisationSubmissionInput' })) },
            resolve: (_p: unknown, args: { data: SubmissionInput }, context: ResolverContext) =>
              submitOrganisation(strapi, args.data, context.koaContext),
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.organisationSubmissionFormToken': { auth: false },
      'Mutation.submitOrganisation': { auth: false },
    },
  });
}
