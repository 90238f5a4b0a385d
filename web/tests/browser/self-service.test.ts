import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, selfServicePath, type Locale } from '#shared/routes';
import { SELF_SERVICE_SESSIONS } from '../../scripts/cms-fixtures.mjs';
import { cms, html, launchChromium, newContext, SITE_URL, waitForMail, type CaughtMail } from './helpers';

// The registrant's self-service page (issue 4, item 5), in Chromium against the real CMS and the
// real built site. Every registration is made through the CMS's public GraphQL API, as the site's
// form does, and its page is opened from the link in the mail the CMS sent (MailDev).
const [OPEN, FULL] = SELF_SERVICE_SESSIONS.map((s) => s.slug) as [string, string];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SUBJECTS = {
  confirmation: {
    en: 'Your place is confirmed',
    fr: 'Votre place est confirmée',
    it: 'Il vostro posto è confermato',
    es: 'Tu plaza está confirmada',
  },
  waitlist: {
    en: 'You are on the waiting list',
    fr: 'Vous êtes sur la liste d',
    it: 'Siete in lista d',
    es: 'Estás en la lista de espera',
  },
  promotion: {
    en: 'A place has opened up for you',
    fr: 'Une place s',
    it: 'Si è liberato un posto',
    es: 'Se ha liberado una plaza',
  },
  cancellation: {
    en: 'Registration cancelled',
    fr: 'Inscription annulée',
    it: 'Iscrizione annullata',
    es: 'Inscripción anulada',
  },
} as const;

let browser: Browser;
let axeContext: BrowserContext; // axe runs in the page: JavaScript on, whatever the test's context
const sessionIds: Record<string, string> = {};
beforeAll(async () => {
  browser = await launchChromium();
  axeContext = await newContext(browser);
  for (const slug of [OPEN, FULL]) {
    const data = await cms<{ trainingSessions: { documentId: string }[] }>(
      'query($slug: String) { trainingSessions(locale: "en", filters: { slug: { eq: $slug } }) { documentId } }',
      { slug },
    );
    sessionIds[slug] = data.trainingSessions[0]!.documentId;
  }
});
afterAll(async () => {
  await browser?.close();
});

let count = 0;
const uniqueEmail = (label: string) => `self-service-${label}-${Date.now()}-${count++}@example.org`;

interface Registrant {
  email: string;
  fullName: string;
  organisation?: string;
  locale: Locale;
}

/** Registers through the CMS's API (form token, the minimum fill time, the mutation); the status. */
async function register(slug: string, person: Registrant): Promise<string> {
  const session = sessionIds[slug]!;
  const { trainingSessionRegistrationFormToken: formToken } = await cms<{
    trainingSessionRegistrationFormToken: string;
  }>('query($session: ID!) { trainingSessionRegistrationFormToken(session: $session) }', { session });
  await new Promise((resolve) => setTimeout(resolve, 1100)); // REGISTRATION_MIN_FILL_S=1 in the tests
  const { registerForTrainingSession } = await cms<{ registerForTrainingSession: { status: string } }>(
    'mutation($data: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $data) { status } }',
    {
      data: {
        session,
        fullName: person.fullName,
        email: person.email,
        organisation: person.organisation ?? '',
        consent: true,
        locale: person.locale,
        formToken,
        website: '',
      },
    },
  );
  return registerForTrainingSession.status;
}

/** The self-service link of a mail, as a path on the site (`/fr/inscription?token=…`). */
function linkIn(mail: CaughtMail): string {
  const found = /https?:\/\/[^\s"'<>]+\?token=[A-Za-z0-9_-]+/.exec(mail.text);
  if (!found) throw new Error(`no self-service link in "${mail.subject}"`);
  const url = new URL(found[0]);
  expect(url.origin).toBe(SITE_URL);
  return `${url.pathname}${url.search}`;
}

const mailOf = (email: string, kind: keyof typeof SUBJECTS, locale: Locale) =>
  waitForMail(email, (m) => m.subject.startsWith(SUBJECTS[kind][locale]));

/** Registers and returns the link from the mail that follows (confirmation or waiting list). */
async function registered(slug: string, person: Registrant): Promise<{ link: string; status: string }> {
  const status = await register(slug, person);
  const mail = await mailOf(person.email, status === 'confirmed' ? 'confirmation' : 'waitlist', person.locale);
  return { link: linkIn(mail), status };
}

const person = (label: string, locale: Locale, extra: Partial<Registrant> = {}): Registrant => ({
  email: uniqueEmail(label),
  fullName: `Ada ${label}`,
  locale,
  ...extra,
});

/** axe's WCAG 2.2 AA findings on the page at `path` (a GET: every state of the page has its URL). */
async function axe(path: string, label: string, into: string[]) {
  const page = await axeContext.newPage();
  await page.goto(path, { waitUntil: 'networkidle' });
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  for (const v of result.violations)
    into.push(
      `${label}: ${v.id} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
    );
  await page.close();
}

/** Presses Tab until `target` has the focus (the keyboard alone, from the top of the page). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error('never reached with Tab');
}

const fact = (page: Page, name: string) =>
  page
    .locator('.facts > div')
    .filter({ has: page.locator('dt', { hasText: name }) })
    .locator('dd');

describe('the self-service page', () => {
  it('opens from the mailed link in the mail’s language, without JavaScript, showing the registration as text', async () => {
    const ada = person('fr', 'fr', { fullName: 'Adèle <b>Durand</b>', organisation: 'Atelier <i>numérique</i>' });
    const { link, status } = await registered(OPEN, ada);
    expect(status).toBe('confirmed');
    expect(link.startsWith(`${selfServicePath('fr')}?token=`)).toBe(true);

    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(link);
    expect(response!.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('Votre inscription');
    expect(await fact(page, 'Statut').textContent()).toBe('Confirmée');
    // Nothing from the registration is HTML: the tags show as typed.
    expect(await fact(page, 'Nom').textContent()).toBe('Adèle <b>Durand</b>');
    expect(await fact(page, 'Organisation').textContent()).toBe('Atelier <i>numérique</i>');
    expect(await page.locator('main b, main i').count()).toBe(0);
    expect(await fact(page, 'Adresse e-mail').textContent()).toBe(ada.email);
    expect(await fact(page, 'Inscription le').textContent()).toMatch(/\d{4}/);
    // The session, with its page and its dates in its own zone, in French.
    const sessionLink = page.getByRole('link', { name: 'Self-service test session' });
    expect(await sessionLink.getAttribute('href')).toBe(`/fr/formations/${OPEN}`);
    const dates = await page.locator('.dates__main').textContent();
    expect(dates).toContain('(Europe/Rome)');
    expect(dates).toMatch(/lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche/);
    await sessionLink.click();
    expect(await page.locator('h1').textContent()).toBe('Self-service test session');
    await context.close();
  });

  it('hydrates with JavaScript without a GraphQL call or a console error, and the token never reaches /graphql', async () => {
    const { link } = await registered(OPEN, person('hydrate', 'es'));
    const token = new URL(link, SITE_URL).searchParams.get('token')!;
    const context = await newContext(browser);
    const page = await context.newPage();
    const graphql: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphql.push(`${request.url()} ${request.postData() ?? ''}`);
    });
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(link, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => Boolean((document.querySelector('#__nuxt') as any)?.__vue_app__));
    expect(graphql).toEqual([]);
    expect(await fact(page, 'Estado').textContent()).toBe('Confirmada');
    // Navigating inside the app (the language switcher) still renders on the server.
    await page.getByRole('navigation', { name: 'Idiomas' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**${selfServicePath('en')}?token=${token}`);
    expect(await page.locator('h1').textContent()).toBe('Your registration');
    expect(await fact(page, 'Status').textContent()).toBe('Confirmed');
    // Then away, through the app's GraphQL: the token is in none of its requests.
    await page.getByRole('link', { name: 'Self-service test session' }).click();
    await page.waitForURL(`**/en/trainings/${OPEN}`);
    // The router changes the URL before the new page asks for its content: wait for the request.
    await expect.poll(() => graphql.length).toBeGreaterThan(0);
    expect(graphql.filter((request) => request.includes(token))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the token when the language changes, without JavaScript', async () => {
    const { link } = await registered(OPEN, person('switch', 'en'));
    const token = new URL(link, SITE_URL).searchParams.get('token')!;
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link);
    for (const [locale, name, title] of [
      ['fr', 'Français', 'Votre inscription'],
      ['it', 'Italiano', 'La tua iscrizione'],
      ['es', 'Español', 'Tu inscripción'],
    ] as const) {
      await page
        .getByRole('navigation', { name: /Languages|Langues|Lingue|Idiomas/ })
        .getByRole('link', { name })
        .click();
      const url = new URL(page.url());
      expect(url.pathname).toBe(selfServicePath(locale));
      expect(url.searchParams.get('token')).toBe(token);
      expect(await page.locator('h1').textContent()).toBe(title);
    }
    await context.close();
  });

  it('is private: no-store, noindex, no referrer, CSP, no alternates, not in the sitemap', async () => {
    const { link } = await registered(OPEN, person('headers', 'it'));
    const token = new URL(link, SITE_URL).searchParams.get('token')!;
    const random = `${selfServicePath('it')}?token=${randomBytes(32).toString('base64url')}`;
    for (const path of [link, random, `/api/self-service/data?token=${token}&locale=it`]) {
      const response = await html(path);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('x-robots-tag'), path).toContain('noindex');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      if (path.startsWith('/api/')) continue;
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy'), path).toMatch(/script-src 'self' 'sha256-/);
      expect(response.body).toMatch(/<meta name="robots" content="noindex, nofollow">/);
      expect(response.body).toMatch(/<meta name="referrer" content="no-referrer">/);
      expect(response.body).not.toMatch(/rel="(alternate|canonical)"/);
    }
    const sitemap = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
    expect(sitemap).toContain('<loc>');
    for (const locale of LOCALES) expect(sitemap).not.toContain(`${SITE_URL}${selfServicePath(locale)}`);
  });

  it('downloads the person’s data as a JSON file, with the keyboard', async () => {
    const bea = person('download', 'en', { organisation: 'Open Data Lab' });
    const { link } = await registered(OPEN, bea);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(link);
    // With the keyboard: Tab to the link, Enter.
    await tabTo(page, page.getByRole('link', { name: 'Download my data (JSON)' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^social-tech-academy-registration-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data.registration).toMatchObject({
      fullName: bea.fullName,
      email: bea.email,
      organisation: 'Open Data Lab',
      status: 'confirmed',
      language: 'en',
    });
    expect(data.session.documentId).toBe(sessionIds[OPEN]);
    expect(data.mails.map((m: { kind: string }) => m.kind)).toContain('confirmation');
    const direct = await fetch(
      `${SITE_URL}/api/self-service/data?${new URLSearchParams({ token: new URL(link, SITE_URL).searchParams.get('token')!, locale: 'en' })}`,
    );
    expect(direct.headers.get('content-type')).toMatch(/^application\/json/);
    expect(direct.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    await context.close();
  });

  it('cancels with the keyboard alone after a confirmation, once (Post/Redirect/Get); the cancellation is mailed', async () => {
    const carl = person('cancel', 'en');
    const { link } = await registered(OPEN, carl);
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    await page.goto(link);
    await axe(link, 'confirmed', violations);
    const confirm = page.getByLabel('Yes, I want to cancel my registration');
    const button = page.getByRole('button', { name: 'Cancel my registration' });
    // Without the box ticked, the button does nothing but take the reader to the box.
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get('notice')).toBeNull();
    expect(await fact(page, 'Status').textContent()).toBe('Confirmed');
    // Tick it (Space), then the button (Enter).
    await page.keyboard.press('Space');
    expect(await confirm.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(response!.request().method()).toBe('GET');
    expect(response!.request().redirectedFrom()?.method()).toBe('POST');
    expect(new URL(page.url()).searchParams.get('notice')).toBe('cancelled');
    expect(await page.getByRole('status').textContent()).toContain(
      'it has gone to the first person on the waiting list',
    );
    expect(await fact(page, 'Status').textContent()).toBe('Cancelled');
    expect(await button.count()).toBe(0);
    await axe(page.url(), 'cancelled', violations);
    const mail = await mailOf(carl.email, 'cancellation', 'en');
    expect(mail.text).toContain('Self-service test session');
    // A reload asks again (GET), it does not post again: still one cancellation mail. The CMS queues
    // a mail in the transaction of the change it announces, so its data export lists every mail
    // queued by then, sent or not: no waiting for a mail that should not come.
    expect((await page.reload())!.request().method()).toBe('GET');
    const token = new URL(link, SITE_URL).searchParams.get('token')!;
    const { trainingSessionRegistrationData: data } = await cms<{
      trainingSessionRegistrationData: { mails: { kind: string }[] };
    }>('query($token: String!) { trainingSessionRegistrationData(token: $token) }', { token });
    expect(data.mails.map((m) => m.kind)).toEqual(['confirmation', 'cancellation']);
    // The mailed link itself is never served from the page cache: it shows the cancellation too.
    expect((await html(link)).body).toContain('Cancelled');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses a form post without the confirmation (server side too), changing nothing', async () => {
    const { link } = await registered(OPEN, person('unconfirmed', 'fr'));
    const token = new URL(link, SITE_URL).searchParams.get('token')!;
    for (const action of ['cancel', 'erase']) {
      const response = await fetch(`${SITE_URL}${selfServicePath('fr')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, action }),
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`${selfServicePath('fr')}?token=${token}&notice=confirm-${action}`);
    }
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${link}&notice=confirm-cancel`);
    expect(await fact(page, 'Statut').textContent()).toBe('Confirmée');
    const box = page.getByLabel('Oui, je veux annuler mon inscription');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await box.getAttribute('aria-describedby')}`).textContent()).toBe(
      'Cochez la case ci-dessus pour confirmer.',
    );
    const violations: string[] = [];
    await axe(page.url(), 'confirm-cancel', violations);
    // The notice of a post the CMS could not carry out (tests/outage: the CMS down).
    await page.goto(`${link}&notice=failed`);
    expect(await page.getByRole('alert').textContent()).toBe(
      'Cette action n’a pas pu aboutir pour le moment. Veuillez réessayer dans quelques minutes.',
    );
    await axe(page.url(), 'failed', violations);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('gives a cancelled place to the first person waiting, who is mailed a new link', async () => {
    const first = person('full-first', 'en');
    const second = person('full-second', 'es');
    const third = person('full-third', 'it');
    const a = await registered(FULL, first);
    const b = await registered(FULL, second);
    const c = await registered(FULL, third);
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const violations: string[] = [];
    await page.goto(b.link);
    expect(await fact(page, 'Estado').textContent()).toBe('En lista de espera');
    expect(await fact(page, 'Puesto en la lista de espera').textContent()).toBe('1');
    await axe(b.link, 'waitlisted', violations);
    await page.goto(c.link);
    expect(await fact(page, 'Posizione nella lista d’attesa').textContent()).toBe('2');

    await page.goto(a.link);
    await page.getByLabel('Yes, I want to cancel my registration').check();
    await page.getByRole('button', { name: 'Cancel my registration' }).click();
    expect(await fact(page, 'Status').textContent()).toBe('Cancelled');

    const promotion = await mailOf(second.email, 'promotion', 'es');
    const promoted = linkIn(promotion);
    expect(promoted).not.toBe(b.link);
    await page.goto(promoted);
    expect(await fact(page, 'Estado').textContent()).toBe('Confirmada');
    await page.goto(c.link);
    expect(await fact(page, 'Posizione nella lista d’attesa').textContent()).toBe('1');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('erases after a confirmation: the link then answers like an unknown token, and the data is gone', async () => {
    const dora = person('erase', 'it');
    const { link } = await registered(OPEN, dora);
    const token = new URL(link, SITE_URL).searchParams.get('token')!;
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const violations: string[] = [];
    await page.goto(link);
    await page.getByLabel('Ho capito: cancella definitivamente la mia iscrizione e i miei dati').check();
    await page.getByRole('button', { name: 'Cancella i miei dati' }).click();
    expect(page.url()).toBe(`${SITE_URL}${selfServicePath('it')}?notice=erased`);
    expect(await page.locator('h1').textContent()).toBe('I tuoi dati sono stati cancellati');
    await axe(page.url(), 'erased', violations);

    const again = await page.goto(link);
    expect(again!.status()).toBe(404);
    const erasedText = await page.locator('main').innerText();
    expect(erasedText).toContain('Iscrizione non trovata');
    expect(erasedText).not.toContain(dora.email);
    const random = await page.goto(`${selfServicePath('it')}?token=${randomBytes(32).toString('base64url')}`);
    expect(random!.status()).toBe(404);
    expect(await page.locator('main').innerText()).toBe(erasedText);

    const download = await fetch(`${SITE_URL}/api/self-service/data?token=${token}&locale=it`);
    expect(download.status).toBe(404);
    expect(((await download.json()) as { error: { code: string } }).error.code).toBe('REGISTRATION_NOT_FOUND');
    await expect(cms(`query { trainingSessionRegistrationData(token: "${token}") }`)).rejects.toThrow(
      /REGISTRATION_NOT_FOUND/,
    );
    expect(violations).toEqual([]);
    await context.close();
  });

  it('answers a random, malformed or missing token with the same localized 404 page, in every language', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const violations: string[] = [];
    const titles: Record<Locale, string> = {
      fr: 'Inscription introuvable',
      en: 'Registration not found',
      it: 'Iscrizione non trovata',
      es: 'Inscripción no encontrada',
    };
    for (const locale of LOCALES) {
      const texts: string[] = [];
      for (const query of [`?token=${randomBytes(32).toString('base64url')}`, '?token=abc', '?token=', '']) {
        const response = await page.goto(`${selfServicePath(locale)}${query}`);
        expect(response!.status(), `${locale} ${query}`).toBe(404);
        expect(await page.locator('h1').textContent()).toBe(titles[locale]);
        texts.push(await page.locator('main').innerText());
      }
      expect(new Set(texts).size).toBe(1);
      await axe(page.url(), `not found (${locale})`, violations);
    }
    // A form post with a token that finds nothing ends on that page too.
    const post = await fetch(`${SITE_URL}${selfServicePath('en')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: randomBytes(32).toString('base64url'), action: 'cancel', confirm: 'yes' }),
      redirect: 'manual',
    });
    expect(post.status).toBe(303);
    expect((await html(post.headers.get('location')!)).status).toBe(404);
    expect(violations).toEqual([]);
    await context.close();
  });
});
