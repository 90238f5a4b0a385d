import type { Core } from '@strapi/strapi';
import { FIELD_REASONS, REFUSALS } from '../errors';
import { SELF_SERVICE_PATHS } from '../self-service-link';
import { registrationService } from '../services/registration';
import type { RegistrationInput } from '../register';
import type { ExtensionContext, ResolverContext } from '../../../graphql/extension';

/** The arguments of the self-service operations. */
interface TokenArgs {
  token: string;
  locale?: string | null;
}
import { LOCALE_CODES } from '../../../i18n/locales';

const refusalCodes = Object.keys(REFUSALS).join(', ');
const LOCALE_LIST = `${LOCALE_CODES.slice(0, -1).join(', ')} or ${LOCALE_CODES.at(-1)}`;
const fieldCodes = Object.keys(FIELD_REASONS).join(', ');
const paths = Object.entries(SELF_SERVICE_PATHS)
  .map(([locale, path]) => `${locale}: /${locale}/${path}`)
  .join(', ');

const ERRORS_DOC =
  `Refusals are GraphQL errors with \`extensions.code\` (one of ${refusalCodes}), \`extensions.field\` ` +
  '(the input field concerned, or null) and a message in the requested locale. INVALID_INPUT lists every ' +
  `invalid field in \`extensions.fieldErrors\` ([{ field, code, message }], code one of ${fieldCodes}); ` +
  'EXTERNAL_REGISTRATION carries `extensions.url`; RATE_LIMITED carries `extensions.retryAfterSeconds`. ' +
  'A refused call changes nothing.';

/**
 * The public registration contract: registering for a session, and the self-service operations
 * of the secret link mailed to the registrant. Nothing else about registrations is in the schema.
 * The resolvers call the registration service (services/registration.ts).
 */
export default function registrationGraphql(strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => {
    const service = () => registrationService(strapi);
    const koa = (context: ResolverContext) => context.koaContext;
    return {
      types: [
        nexus.enumType({
          name: 'TrainingSessionRegistrationStatus',
          description:
            'confirmed: the registrant has a place; waitlisted: the session was full, they get the next free place; cancelled.',
          members: ['confirmed', 'waitlisted', 'cancelled'],
        }),
        nexus.inputObjectType({
          name: 'TrainingSessionRegistrationInput',
          description: `A reader's registration for a training session. ${ERRORS_DOC}`,
          definition(t) {
            t.nonNull.id('session', { description: 'The documentId of the training session.' });
            t.nonNull.string('fullName', { description: 'Required, at most 120 characters.' });
            t.nonNull.string('email', {
              description:
                'Required, a valid address, at most 254 characters. Compared case-insensitively: one live registration per address and session.',
            });
            t.string('organisation', { description: 'Optional, at most 200 characters.' });
            t.nonNull.boolean('consent', {
              description:
                'Must be true: the reader ticked the (unticked by default) box accepting the privacy policy.',
            });
            t.nonNull.string('locale', {
              description: `${LOCALE_LIST}: the language of error messages and of every mail to the registrant.`,
            });
            t.nonNull.string('formToken', {
              description:
                'The token from `trainingSessionRegistrationFormToken`, fetched when the form was rendered. Refused as FORM_EXPIRED when forged, for another session or older than REGISTRATION_FORM_TOKEN_MAX_AGE_S (24 h), and as TOO_FAST when sent less than REGISTRATION_MIN_FILL_S (3 s) after it was issued.',
            });
            t.string('website', {
              description:
                'Honeypot: a field hidden from people (and from assistive technology); anything in it is refused as SPAM_SUSPECTED. Send it empty or leave it out.',
            });
          },
        }),
        nexus.objectType({
          name: 'TrainingSessionRegistrationResult',
          definition(t) {
            t.nonNull.field('status', {
              type: 'TrainingSessionRegistrationStatus',
              description: 'confirmed or waitlisted (never cancelled).',
            });
            t.nonNull.int('placesLeft', { description: 'Places left in the session after this registration.' });
          },
        }),
        nexus.objectType({
          name: 'TrainingSessionRegistrationSession',
          description: "The session of a registration, in the registrant's language (else English).",
          definition(t) {
            t.nonNull.id('documentId');
            t.nonNull.string('locale', { description: 'The locale of title, slug and venue.' });
            t.nonNull.string('title');
            t.nonNull.string('slug');
            t.nonNull.string('startsAt', { description: 'ISO 8601, UTC.' });
            t.nonNull.string('endsAt', { description: 'ISO 8601, UTC.' });
            t.nonNull.string('timezone', { description: 'IANA time zone in which to show the dates.' });
            t.nonNull.string('format', { description: 'online, in-person or hybrid.' });
            t.string('venue');
          },
        }),
        nexus.objectType({
          name: 'TrainingSessionRegistrationDetails',
          description: 'A registration as its holder sees it through the self-service link.',
          definition(t) {
            t.nonNull.field('status', { type: 'TrainingSessionRegistrationStatus' });
            t.nonNull.string('fullName');
            t.nonNull.string('email');
            t.string('organisation');
            t.nonNull.string('language', { description: `The language of the mails (${LOCALE_LIST}).` });
            t.nonNull.string('registeredAt', { description: 'ISO 8601.' });
            t.int('waitlistPosition', { description: '1 for the first person waiting; null unless waitlisted.' });
            t.nonNull.field('session', { type: 'TrainingSessionRegistrationSession' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t) {
            t.nonNull.string('trainingSessionRegistrationFormToken', {
              description:
                'A signed token to put in the registration form (hidden field) when rendering it, sent back as `formToken`. Fetch one per form render, never cache it across readers. Refused with SESSION_NOT_FOUND for an unknown session.',
              args: { session: nexus.nonNull(nexus.idArg()), locale: nexus.stringArg() },
              resolve: (_parent: unknown, args: { session: string; locale?: string }) =>
                service().formToken(args.session, args.locale),
            });
            t.nonNull.field('trainingSessionRegistration', {
              type: 'TrainingSessionRegistrationDetails',
              description: `The registration of the self-service link's token (the \`token\` query parameter of ${paths}). Unknown, malformed or erased tokens: REGISTRATION_NOT_FOUND, in \`locale\`.`,
              args: { token: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
              resolve: (_p: unknown, args: TokenArgs, context: ResolverContext) =>
                service().read(args.token, args.locale, koa(context)),
            });
            t.nonNull.field('trainingSessionRegistrationData', {
              type: 'JSON',
              description:
                "Every personal data item held about the registration of this token (the registrant's copy, to serve as a .json download). Same errors as trainingSessionRegistration.",
              args: { token: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
              resolve: (_p: unknown, args: TokenArgs, context: ResolverContext) =>
                service().exportData(args.token, args.locale, koa(context)),
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t) {
            t.nonNull.field('registerForTrainingSession', {
              type: 'TrainingSessionRegistrationResult',
              description:
                'Registers a reader: confirmed while places are left, else waitlisted. The same email again for the same session returns the existing registration and sends nothing. ' +
                `The site's server, registering on behalf of a reader, sends the reader's IP in X-Forwarded-For with the header X-Site-Forwarding-Secret: SITE_FORWARDING_SECRET (rate limits are per IP and per email). ${ERRORS_DOC}`,
              args: { data: nexus.nonNull(nexus.arg({ type: 'TrainingSessionRegistrationInput' })) },
              resolve: (_p: unknown, args: { data: RegistrationInput }, context: ResolverContext) =>
                service().register(args.data, koa(context)),
            });
            t.nonNull.field('cancelTrainingSessionRegistration', {
              type: 'TrainingSessionRegistrationDetails',
              description:
                'Cancels the registration of this token (a held place goes to the first person waiting) and mails a confirmation of the cancellation. Cancelling again changes nothing. Same errors as trainingSessionRegistration.',
              args: { token: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
              resolve: (_p: unknown, args: TokenArgs, context: ResolverContext) =>
                service().cancel(args.token, args.locale, koa(context)),
            });
            t.nonNull.boolean('eraseTrainingSessionRegistration', {
              description:
                'Erases the registration of this token for good (a held place goes to the first person waiting); the link then finds nothing. Same errors as trainingSessionRegistration.',
              args: { token: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
              resolve: (_p: unknown, args: TokenArgs, context: ResolverContext) =>
                service().erase(args.token, args.locale, koa(context)),
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.trainingSessionRegistrationFormToken': { auth: false },
        'Query.trainingSessionRegistration': { auth: false },
        'Query.trainingSessionRegistrationData': { auth: false },
        'Mutation.registerForTrainingSession': { auth: false },
        'Mutation.cancelTrainingSessionRegistration': { auth: false },
        'Mutation.eraseTrainingSessionRegistration': { auth: false },
      },
    };
  };
}
