import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizedPath, selfServicePath, type Locale } from '#shared/routes';
import { REGISTRATION_SESSIONS } from '../../scripts/cms-fixtures.mjs';
import { cms, launchChromium, newContext, SITE_URL, waitForMail, type CaughtMail } from './helpers';
import en from '../../layers/registration/i18n/locales/en.json';
import fr from '../../layers/registration/i18n/locales/fr.json';
import it_ from '../../layers/registration/i18n/locales/it.json';
import es from '../../layers/registration/i18n/locales/es.json';
import { REGISTRATION_MESSAGES } from 'cms/site';

// The registration form of a session page (issue 4, item 3), driven in Chromium against the real
// CMS (which mails to the test mail catcher) and the real built site. The fixture sessions
// (scripts/cms-fixtures.mjs) are open: `open` has room for every test, `small` one place.
const UI = { en, fr, it: it_, es } as const;
const CMS_MESSAGES = REGISTRATION_MESSAGES;
const { en: cmsEn, es: cmsEs } = CMS_MESSAGES;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MIN_FILL_MS = 1100; // the CMS's REGISTRATION_MIN_FILL_S in scripts/test.mjs, and a little

const run = Date.now().toString(36);
const address = (name: string) => `${name}-${run}@example.org`;
const pathOf = (locale: Locale, slug: string) => localizedPath(locale, 'training-sessions', slug);
const titleOf = (locale: Locale, session: { title: string }) =>
  locale === 'en' ? session.title : `${session.title} (${locale})`;
const subject = (locale: Locale, kind: 'confirmation' | 'waitlist', title: string) =>
  CMS_MESSAGES[locale].mail.subject[kind].replace('{title}', title);

/** Fills the registration form in the page's language (consent ticked), waits out the minimum fill time and sends it. */
async function sendForm(
  page: Page,
  locale: Locale,
  reader: { fullName: string; email: string; organisation?: string },
  button: 'register' | 'joinWaitlist' = 'register',
) {
  const form = UI[locale].registrationForm;
  await page.getByLabel(form.fullName).fill(reader.fullName);
  await page.getByLabel(form.email).fill(reader.email);
  if (reader.organisation) await page.getByLabel(form.organisation).fill(reader.organisation);
  await page.locator('#registration-consent').check();
  await page.waitForTimeout(MIN_FILL_MS);
  await page.getByRole('button', { name: form[button] }).click();
}

async function sessionFacts(slug: string) {
  const data = await cms<{ trainingSessions: { documentId: string; placesLeft: number; registrationState: string }[] }>(
    'query($slug: String!) { trainingSessions(locale: "en", filters: { slug: { eq: $slug } }) { documentId placesLeft registrationState } }',
    { slug },
  );
  return data.trainingSessions[0]!;
}

async function axe(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    result.violations.map(
      (v) =>
        `${label}: ${v.id} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

/** The form token the site put into a session page's HTML. */
async function tokenOf(path: string): Promise<string> {
  const body = await (await fetch(`${SITE_URL}${path}`)).text();
  const token = /name="formToken" data-form-token-for="\w+" value="([^"]+)"/.exec(body)?.[1];
  if (!token) throw new Error(`no form token in ${path}`);
  return token;
}

/** A form post to the site, as a browser without JavaScript sends it (redirects not followed). */
function post(path: string, fields: Record<string, string>) {
  return fetch(`${SITE_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

async function contextFor(options: Parameters<typeof newContext>[1] = {}) {
  const context = await newContext(browser, options);
  context.setDefaultTimeout(15_000);
  return context;
}

async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Boolean((document.querySelector('#__nuxt') as any)?.__vue_app__));
}

function expectRegistrationMail(mail: CaughtMail, locale: Locale, name: string) {
  expect(mail.text).toContain(CMS_MESSAGES[locale].mail.greeting.replace('{name}', name));
  expect(mail.attachments?.map((a) => a.filename)).toContain('session.ics');
  expect(mail.text).toContain(`${SITE_URL}${selfServicePath(locale)}?token=`);
}

let browser: Browser;
let open: { documentId: string };
beforeAll(async () => {
  browser = await launchChromium();
  open = await sessionFacts(REGISTRATION_SESSIONS.open.slug);
});
afterAll(async () => {
  await browser?.close();
});

describe('the registration form', () => {
  it('registers with the keyboard alone (English): confirmed, places left, the mail with its .ics and link; a reload registers nothing more', async () => {
    const context = await contextFor();
    const page = await context.newPage();
    const requests: { url: string; method: string }[] = [];
    const foreign: string[] = [];
    page.on('request', (request) => {
      requests.push({ url: request.url(), method: request.method() });
      if (new URL(request.url()).origin !== SITE_URL) foreign.push(request.url());
    });
    const path = pathOf('en', REGISTRATION_SESSIONS.open.slug);
    await page.goto(path);
    await waitForHydration(page);
    await axe(page, 'form');
    const before = (await sessionFacts(REGISTRATION_SESSIONS.open.slug)).placesLeft;

    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 300 && (await focused()) !== 'registration-fullName'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('registration-fullName');
    const email = address('keyboard');
    await page.keyboard.type('Kim Keyboard');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('registration-email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('registration-organisation');
    await page.keyboard.type('Tab & Space cooperative');
    await page.keyboard.press('Tab'); // the honeypot is out of the tab order
    expect(await focused()).toBe('registration-consent');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#registration-consent')).toBe(true);
    await page.keyboard.press('Tab'); // the privacy policy link in the consent's label
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      localizedPath('en', 'privacy'),
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(en.registrationForm.register);
    await page.waitForTimeout(MIN_FILL_MS);
    await Promise.all([page.waitForURL(/registration=confirmed/), page.keyboard.press('Enter')]);

    const outcome = page.locator('#registration-outcome');
    expect(await outcome.getByRole('heading').textContent()).toBe(en.registrationForm.outcome.confirmed.title);
    expect(await outcome.textContent()).toContain(en.registrationForm.outcome.mailbox);
    expect(await outcome.textContent()).toContain(`${before - 1} places left`);
    expect((await sessionFacts(REGISTRATION_SESSIONS.open.slug)).placesLeft).toBe(before - 1);
    await axe(page, 'outcome');
    const mail = await waitForMail(
      email,
      (m) => m.subject === subject('en', 'confirmation', REGISTRATION_SESSIONS.open.title),
    );
    expectRegistrationMail(mail, 'en', 'Kim Keyboard');

    // Post/Redirect/Get: a reload is a GET of the outcome, not the form sent again.
    requests.length = 0;
    await page.reload();
    expect(await outcome.getByRole('heading').textContent()).toBe(en.registrationForm.outcome.confirmed.title);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await sessionFacts(REGISTRATION_SESSIONS.open.slug)).placesLeft).toBe(before - 1);
    expect(foreign).toEqual([]); // the form, its post, the outcome and its reload: nothing from another host
    await context.close();
  });

  it('registers without JavaScript (French), with the mail in French', async () => {
    const context = await contextFor({ javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(pathOf('fr', REGISTRATION_SESSIONS.open.slug));
    const email = address('sans-js');
    await sendForm(page, 'fr', { fullName: 'Zoé Sans-Script', email, organisation: 'Coopérative « Zéro JS »' });
    await page.waitForURL(/registration=confirmed/);
    expect(await page.locator('#registration-outcome h3').textContent()).toBe(
      fr.registrationForm.outcome.confirmed.title,
    );
    const mail = await waitForMail(
      email,
      (m) => m.subject === subject('fr', 'confirmation', titleOf('fr', REGISTRATION_SESSIONS.open)),
    );
    expectRegistrationMail(mail, 'fr', 'Zoé Sans-Script');
    await context.close();
  });

  it('shows localized errors next to the fields (Spanish), keeps the values (hydration too), registers nothing; corrected, it goes through', async () => {
    const context = await contextFor({ locale: 'es-ES' });
    const page = await context.newPage();
    const path = pathOf('es', REGISTRATION_SESSIONS.open.slug);
    await page.goto(path);
    const before = (await sessionFacts(REGISTRATION_SESSIONS.open.slug)).placesLeft;
    const email = address('errores');
    await page.getByLabel(es.registrationForm.fullName).fill('   ');
    await page.getByLabel(es.registrationForm.email).fill(`${email}@@`);
    await page.getByLabel(es.registrationForm.organisation).fill('<b>Negrita</b> & co');
    await page.waitForTimeout(MIN_FILL_MS);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: es.registrationForm.register }).click(),
    ]);
    expect(response.status()).toBe(422);
    expect(response.headers()['cache-control']).toBe('no-store');
    await waitForHydration(page);

    const messages = cmsEs.errors;
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('heading').textContent()).toBe(es.registrationForm.summaryTitle);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      messages.required,
      messages.invalidEmail,
      messages.consentRequired,
    ]);
    for (const [field, message] of [
      ['fullName', messages.required],
      ['email', messages.invalidEmail],
      ['consent', messages.consentRequired],
    ] as const) {
      const input = page.locator(`#registration-${field}`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.getAttribute('aria-describedby')).toContain(`registration-${field}-error`);
      expect(await page.locator(`#registration-${field}-error`).textContent()).toBe(message);
    }
    expect(await page.locator('#registration-organisation').getAttribute('aria-invalid')).toBeNull();
    // The values are kept, as text: nothing typed becomes HTML.
    expect(await page.locator('#registration-email').inputValue()).toBe(`${email}@@`);
    expect(await page.locator('#registration-organisation').inputValue()).toBe('<b>Negrita</b> & co');
    expect(await page.locator('b', { hasText: 'Negrita' }).count()).toBe(0);
    await axe(page, 'errors');
    // A summary link leads to its field.
    await summary.getByRole('link', { name: messages.invalidEmail }).click();
    expect(new URL(page.url()).hash).toBe('#registration-email');
    expect((await sessionFacts(REGISTRATION_SESSIONS.open.slug)).placesLeft).toBe(before);

    await sendForm(page, 'es', { fullName: 'Lucía Errores', email });
    await page.waitForURL(/registration=confirmed/);
    expect((await sessionFacts(REGISTRATION_SESSIONS.open.slug)).placesLeft).toBe(before - 1);
    const mail = await waitForMail(email);
    expect(mail.subject).toBe(subject('es', 'confirmation', titleOf('es', REGISTRATION_SESSIONS.open)));
    // The refused post sent nothing: the one mail to this address is the confirmation.
    const all = (await (await fetch(`${process.env.MAIL_URL}/api/email`)).json()) as CaughtMail[];
    expect(all.filter((m) => m.to.some((to) => to.address === email))).toHaveLength(1);
    await context.close();
  });

  it('puts the reader on the waiting list of a full session (Italian, after a navigation inside the site)', async () => {
    const small = REGISTRATION_SESSIONS.small;
    const path = pathOf('it', small.slug);
    const facts = await sessionFacts(small.slug);
    if (facts.placesLeft > 0) {
      // Someone takes the one place, through the site.
      const token = await tokenOf(path);
      await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
      const response = await post(path, {
        session: facts.documentId,
        formToken: token,
        fullName: 'Prima Persona',
        email: address('primo'),
        consent: 'yes',
        website: '',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toContain('registration=confirmed');
    }
    expect(await sessionFacts(small.slug)).toMatchObject({ placesLeft: 0, registrationState: 'waitlist' });

    const context = await contextFor({ locale: 'it-IT' });
    const page = await context.newPage();
    await page.goto(localizedPath('it', 'training-sessions'));
    await waitForHydration(page);
    // A page the browser renders itself asks for its form token through the site's /graphql.
    await page.evaluate(
      (to) => (document.querySelector('#__nuxt') as any).__vue_app__.config.globalProperties.$router.push(to),
      path,
    );
    await page.waitForURL(`**${path}`);
    await expect.poll(() => page.locator('input[name="formToken"]').inputValue(), { timeout: 10_000 }).toMatch(/\S/);
    // The page may come from the cache (swr) for a moment after the place was taken.
    await expect
      .poll(
        async () => {
          if ((await page.getByRole('button', { name: it_.registrationForm.joinWaitlist }).count()) === 0)
            await page.reload();
          return page.getByRole('button', { name: it_.registrationForm.joinWaitlist }).count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    const email = address('attesa');
    await sendForm(page, 'it', { fullName: 'Giulia Attesa', email }, 'joinWaitlist');
    await page.waitForURL(/registration=waitlisted/);
    expect(await page.locator('#registration-outcome h3').textContent()).toBe(
      it_.registrationForm.outcome.waitlisted.title,
    );
    await axe(page, 'waitlisted');
    const mail = await waitForMail(email, (m) => m.subject === subject('it', 'waitlist', titleOf('it', small)));
    expectRegistrationMail(mail, 'it', 'Giulia Attesa');
    await context.close();
  });

  it('gives every response its own form token, a cached page too', async () => {
    // A cache entry of its own: a parameter the session page reads (shared/page-query.ts), with a
    // value no other test asks for.
    const path = `${pathOf('en', REGISTRATION_SESSIONS.open.slug)}?placesLeft=${Date.now()}`;
    const placesOf = (body: string) => /(\d+) of 50/.exec(body)?.[1];
    const first = await (await fetch(`${SITE_URL}${path}`)).text();
    // A place is taken straight at the CMS: a page rendered again would show it, a cached one not.
    const { trainingSessionRegistrationFormToken: token } = await cms<{ trainingSessionRegistrationFormToken: string }>(
      'query($s: ID!) { trainingSessionRegistrationFormToken(session: $s) }',
      { s: open.documentId },
    );
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
    await cms('mutation($d: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $d) { status } }', {
      d: {
        session: open.documentId,
        fullName: 'Cache Witness',
        email: address('cache'),
        consent: true,
        locale: 'en',
        formToken: token,
        website: '',
      },
    });
    const second = await fetch(`${SITE_URL}${path}`);
    const secondBody = await second.text();
    expect(placesOf(secondBody)).toBe(placesOf(first)); // from the cache
    const tokens = [first, secondBody].map(
      (body) => /name="formToken" data-form-token-for="\w+" value="([^"]+)"/.exec(body)?.[1],
    );
    expect(tokens[0]).toBeTruthy();
    expect(tokens[1]).toBeTruthy();
    expect(tokens[1]).not.toBe(tokens[0]);
    expect(second.headers.get('cache-control')).toBe('private, no-cache');
    expect(second.headers.get('etag')).toBeNull();
  });

  it('refuses forged, too fast and robot posts with a fresh form, never caches a post, and sends the security headers', async () => {
    const path = pathOf('en', REGISTRATION_SESSIONS.open.slug);
    const fields = (formToken: string, extra: Record<string, string> = {}) => ({
      session: open.documentId,
      formToken,
      fullName: 'Private Person',
      email: address('refused'),
      consent: 'yes',
      website: '',
      ...extra,
    });
    const cases: [string, () => Promise<Response>, string][] = [
      ['forged token', async () => post(path, fields('forged.123.abc')), cmsEn.errors.formExpired],
      ['too fast', async () => post(path, fields(await tokenOf(path))), cmsEn.errors.tooFast],
      [
        'honeypot',
        async () => post(path, fields(await tokenOf(path), { website: 'https://spam.example' })),
        cmsEn.errors.spam,
      ],
    ];
    for (const [label, send, message] of cases) {
      const response = await send();
      const body = await response.text();
      expect(response.status, label).toBe(422);
      expect(response.headers.get('cache-control'), label).toBe('no-store');
      expect(response.headers.get('content-security-policy'), label).toMatch(/script-src 'self' 'sha256-/);
      expect(response.headers.get('x-frame-options'), label).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
      expect(response.headers.get('strict-transport-security'), label).toContain('max-age=');
      expect(body, label).toContain(message.replace(/'/g, '&#39;'));
      expect(body, label).toMatch(/name="formToken" data-form-token-for="\w+" value="[^"]+"/); // a fresh form
      expect(body, label).toContain('value="Private Person"');
      expect(body, label).not.toContain('spam.example'); // the honeypot is never sent back
    }
    // What a post rendered is never served to anyone else.
    for (let i = 0; i < 2; i++)
      expect(await (await fetch(`${SITE_URL}${path}`)).text()).not.toContain('Private Person');
  });
});
