import { factories, type Core } from '@strapi/strapi';
import { registrationsCsv, registrationSummary } from '../admin/export';
import { refusal } from '../errors';
import { messageLocale } from '../messages';
import { registerForTrainingSession, REGISTRATION, type RegistrationInput } from '../register';
import { cancelRegistration, eraseRegistration, exportRegistration, readRegistration } from '../self-service';
import { loadSession } from '../sessions';
import { signFormToken } from '../tokens';
import type { ClientContext } from '../limits/client-ip';

/**
 * The registration service (`strapi.service('api::registration.registration')`): the public
 * contract's operations, which the GraphQL resolvers (graphql/registration.ts) call, and what the
 * editors' panel and export need (admin/export.ts). The core service's CRUD stays for the content
 * manager. `ctx` is the request's Koa context: rate limits count its client (limits/client-ip.ts).
 */
const registration = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** A signed token for the form of a published session (SESSION_NOT_FOUND otherwise). */
  async formToken(session: string, locale?: string | null): Promise<string> {
    const found = await loadSession(strapi.db.connection, session);
    if (!found?.published) throw refusal(messageLocale(locale), 'SESSION_NOT_FOUND', { field: 'session' });
    return signFormToken(strapi.config.get('server.app.keys') as string[], found.documentId);
  },
  register: (input: RegistrationInput, ctx: ClientContext) => registerForTrainingSession(strapi, input, ctx),
  read: (token: unknown, locale: unknown, ctx: ClientContext) => readRegistration(strapi, token, locale, ctx),
  exportData: (token: unknown, locale: unknown, ctx: ClientContext) => exportRegistration(strapi, token, locale, ctx),
  cancel: (token: unknown, locale: unknown, ctx: ClientContext) => cancelRegistration(strapi, token, locale, ctx),
  erase: (token: unknown, locale: unknown, ctx: ClientContext) => eraseRegistration(strapi, token, locale, ctx),
  /** Confirmed, waitlisted and cancelled counts and places left of a session (the edit view's panel). */
  summary: (session: string) => registrationSummary(strapi, session),
  /** A session's registrations as a CSV file for editors (named after its slug), or null for an unknown session. */
  async csv(session: string): Promise<{ filename: string; body: string } | null> {
    const found = await loadSession(strapi.db.connection, session);
    if (!found) return null;
    const slug = found.texts.get('en')?.slug ?? found.documentId;
    return {
      filename: `registrations-${slug.replace(/[^a-z0-9-]/gi, '')}.csv`,
      body: await registrationsCsv(strapi, found.documentId),
    };
  },
});

export type RegistrationService = ReturnType<typeof registration>;

export default factories.createCoreService(REGISTRATION, registration);

/** The service, typed (Strapi's registry types its services generically). */
export function registrationService(strapi: Core.Strapi): RegistrationService {
  return strapi.service(REGISTRATION) as unknown as RegistrationService;
}
