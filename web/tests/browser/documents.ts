import { LOCALES, localizedPath, selfServicePath, type Locale } from '#shared/routes';
import { OUTCOME_PARAM, PLACES_PARAM } from '../../layers/registration/shared/registration';
import { REGISTRATION_SESSIONS } from '../../scripts/cms-fixtures.mjs';
import { cms, everyPage, SITE_URL, waitForMail } from './helpers';

// Every kind of HTML document the site serves, in every language and in every state a reader can
// bring it to (a filtered list, a refused registration form, each state of the self-service
// page…), fetched from the running built site: what the standards tests (web-standards.test.ts)
// validate. The self-service states come from real registrations, made through the CMS's API and
// opened from the link in the mail the CMS sent.

export interface SiteDocument {
  /** What the document is, for messages: `modules-detail (fr)`, `self-service: cancelled (it)`. */
  label: string;
  locale: Locale;
  /** Path and query, as requested. */
  path: string;
  status: number;
  headers: Headers;
  body: string;
}

const MIN_FILL_MS = 1100; // the CMS's REGISTRATION_MIN_FILL_S in scripts/test.mjs, and a little
const run = Date.now().toString(36);
let people = 0;

async function fetchDocument(
  label: string,
  locale: Locale,
  path: string,
  expected: number,
  init: RequestInit = {},
): Promise<SiteDocument> {
  const response = await fetch(`${SITE_URL}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { accept: 'text/html', ...init.headers },
  });
  const body = await response.text();
  if (response.status !== expected)
    throw new Error(`${label}: ${init.method ?? 'GET'} ${path} answered ${response.status}, not ${expected}`);
  if (!/^text\/html\b/.test(response.headers.get('content-type') ?? ''))
    throw new Error(`${label}: ${path} is not HTML`);
  return { label: `${label} (${locale})`, locale, path, status: response.status, headers: response.headers, body };
}

/** A form post to the site, as a browser without JavaScript sends it. */
function formPost(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

/** Registers a new person for the fixture session `slug` through the CMS's API; their self-service token (from the mail). */
async function registeredToken(slug: string): Promise<{ token: string; status: string }> {
  const { trainingSessions } = await cms<{ trainingSessions: { documentId: string }[] }>(
    'query($slug: String) { trainingSessions(locale: "en", filters: { slug: { eq: $slug } }) { documentId } }',
    { slug },
  );
  const session = trainingSessions[0]!.documentId;
  const { trainingSessionRegistrationFormToken: formToken } = await cms<{
    trainingSessionRegistrationFormToken: string;
  }>('query($session: ID!) { trainingSessionRegistrationFormToken(session: $session) }', { session });
  await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
  const email = `standards-${run}-${people++}@example.org`;
  const { registerForTrainingSession } = await cms<{ registerForTrainingSession: { status: string } }>(
    'mutation($data: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $data) { status } }',
    {
      data: {
        session,
        fullName: 'Nu Checker',
        email,
        organisation: 'Standards & Co',
        consent: true,
        locale: 'en',
        formToken,
        website: '',
      },
    },
  );
  const mail = await waitForMail(email);
  const token = /\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no self-service link in the mail to ${email}`);
  return { token, status: registerForTrainingSession.status };
}

/** Runs `tasks` a few at a time (the site renders on 2 cores), keeping their order. */
async function inBatches<T>(tasks: (() => Promise<T>)[], size = 4): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += size)
    results.push(...(await Promise.all(tasks.slice(i, i + size).map((task) => task()))));
  return results;
}

export async function siteDocuments(): Promise<SiteDocument[]> {
  const tasks: (() => Promise<SiteDocument>)[] = [];
  const get = (label: string, locale: Locale, path: string, expected = 200) =>
    tasks.push(() => fetchDocument(label, locale, path, expected));

  // Every page type (home, lists, one entry of each type, the archive, the legal pages).
  for (const page of await everyPage()) get(page.type, page.locale, page.path);

  for (const locale of LOCALES) {
    const list = (page: Parameters<typeof localizedPath>[1]) => localizedPath(locale, page);
    // Lists with filters, with a filter that leaves nothing, and the Atlas's further pages.
    get('modules, filtered', locale, `${list('modules')}?level=advanced`);
    get('modules, filtered to nothing', locale, `${list('modules')}?level=advanced&competence=9.9`);
    get('job sheets, filtered', locale, `${list('job-sheets')}?competence=3.1`);
    get('organisations, filtered', locale, `${list('organisations')}?country=IT`);
    get('organisations, page 2', locale, `${list('organisations')}?page=2`);
    get('organisations, filtered, page 2', locale, `${list('organisations')}?role=training&page=2`);
    get('training sessions, filtered', locale, `${list('training-sessions')}?format=online`);
    get('training-sessions-past, filtered', locale, `${list('training-sessions-past')}?format=in_person`);
    // The 404 page, and an entry shown in English for want of a translation.
    get('404', locale, localizedPath(locale, 'modules', 'no-such-module'), 404);
    if (locale !== 'en') get('fallback to English', locale, localizedPath(locale, 'modules', 'test-only-in-english'));
    // A session open for registration: its form, the outcome after a registration, a refused post.
    const session = localizedPath(locale, 'training-sessions', REGISTRATION_SESSIONS.open.slug);
    get('session with the registration form', locale, session);
    get('session, registration outcome', locale, `${session}?${OUTCOME_PARAM}=confirmed&${PLACES_PARAM}=3`);
    get('session, waiting-list outcome', locale, `${session}?${OUTCOME_PARAM}=waitlisted`);
    tasks.push(async () => {
      const page = await (await fetch(`${SITE_URL}${session}`)).text();
      const formToken = /name="formToken" data-form-token-for="\w+" value="([^"]+)"/.exec(page)?.[1] ?? '';
      const sessionId = /name="session" value="(\w+)"/.exec(page)?.[1] ?? '';
      // No name, a broken address, no consent: every field has its message.
      return fetchDocument(
        'session, refused registration',
        locale,
        session,
        422,
        formPost({
          session: sessionId,
          formToken,
          fullName: ' ',
          email: 'not-an-address',
          organisation: '',
          website: '',
        }),
      );
    });
    // The self-service page without a token, or with a wrong one (the same 404 page).
    get('self-service: not found', locale, selfServicePath(locale), 404);
    get('self-service: wrong token', locale, `${selfServicePath(locale)}?token=${'x'.repeat(43)}`, 404);
  }

  // The self-service page of real registrations: confirmed (and its notices), waitlisted,
  // cancelled, erased.
  const confirmed = await registeredToken(REGISTRATION_SESSIONS.open.slug);
  let waitlisted = await registeredToken(REGISTRATION_SESSIONS.small.slug);
  if (waitlisted.status !== 'waitlisted') waitlisted = await registeredToken(REGISTRATION_SESSIONS.small.slug);
  const selfService = (label: string, query: Record<string, string>, expected = 200) => {
    for (const locale of LOCALES)
      get(`self-service: ${label}`, locale, `${selfServicePath(locale)}?${new URLSearchParams(query)}`, expected);
  };
  selfService('confirmed', { token: confirmed.token });
  for (const notice of ['confirm-cancel', 'confirm-erase', 'failed'])
    selfService(`confirmed, notice ${notice}`, { token: confirmed.token, notice });
  selfService('waitlisted', { token: waitlisted.token });
  const documents = await inBatches(tasks.splice(0));

  const action = async (token: string, name: 'cancel' | 'erase') => {
    const response = await fetch(`${SITE_URL}${selfServicePath('en')}`, {
      redirect: 'manual',
      ...formPost({ token, action: name, confirm: 'yes' }),
    });
    if (response.status !== 303) throw new Error(`self-service ${name} answered ${response.status}`);
  };
  await action(confirmed.token, 'cancel');
  selfService('cancelled', { token: confirmed.token, notice: 'cancelled' });
  documents.push(...(await inBatches(tasks.splice(0))));
  await action(confirmed.token, 'erase');
  selfService('erased', { notice: 'erased' });
  documents.push(...(await inBatches(tasks.splice(0))));
  return documents;
}
