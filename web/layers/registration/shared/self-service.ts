// The registrant's self-service page: what the site's server loads for it (server/middleware/
// self-service.ts) and hands the page (app/pages/self-service.vue) in the request's context.

/** The registration as the CMS describes it to the holder of its link (trainingSessionRegistration). */
export interface RegistrationDetails {
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  fullName: string;
  email: string;
  organisation: string | null;
  language: string;
  registeredAt: string;
  waitlistPosition: number | null;
  session: {
    documentId: string;
    locale: string;
    title: string;
    slug: string;
    startsAt: string;
    endsAt: string;
    timezone: string;
    format: string;
    venue: string | null;
  };
}

/**
 * What the page shows: the registration, or why not: the same `not-found` for any bad token,
 * `busy` when the CMS's rate limit refused the reader, `unavailable` when the CMS did not answer.
 */
export type SelfServiceView =
  | { state: 'found'; registration: RegistrationDetails }
  | { state: 'not-found' }
  | { state: 'busy' }
  | { state: 'unavailable' };

/** The outcome of a form post, carried by the redirect that follows it (`?notice=`). */
export const NOTICES = ['cancelled', 'erased', 'confirm-cancel', 'confirm-erase', 'failed'] as const;
export type Notice = (typeof NOTICES)[number];

export function isNotice(value: unknown): value is Notice {
  return typeof value === 'string' && (NOTICES as readonly string[]).includes(value);
}
