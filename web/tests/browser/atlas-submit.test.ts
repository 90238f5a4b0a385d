import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizedPath } from '#shared/routes';
import { cms, launchChromium, newContext, SITE_URL, waitForMail } from './helpers';
import en from '../../i18n/locales/en.json';
import fr from '../../i18n/locales/fr.json';
import { REGISTRATION_MESSAGES } from 'cms/site';

// "Add your organisation" (the Atlas's submission form), in Chromium against the real CMS (mails to
// the test mail catcher) and the real built site: with and without JavaScript, refusals shown and
// announced, axe, nothing from another host.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MIN_FILL_MS = 1100; // the CMS's REGISTRATION_MIN_FILL_S in scripts/test.mjs, and a little
const UI = { en, fr } as const;
const run = Date.now().toString(36);
const address = (name: string) => `${name}-${run}@example.org`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function axe(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    result.violations.map((v) => `${label}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

async function fill(page: Page, locale: 'en' | 'fr', name: string, email: string) {
  const f = UI[locale].atlasSubmit.fields;
  await page.getByLabel(f.name).fill(name);
  await page.getByLabel(f.description).fill('A cooperative that teaches digital skills.\nIn two lines.');
  await page.getByLabel(f.kind).selectOption('cooperative');
  await page.locator('#submission-roles-training').check();
  await page.getByLabel(f.country).selectOption('FR');
  await page.getByLabel(f.city).fill('Lille');
  await page.getByLabel(f.website).fill('https://coop.example.org');
  await page.getByLabel(f.foundedYear).fill('2015');
  await page.getByLabel(f.contactName).fill('Sam Submitter');
  await page.getByLabel(f.contactEmail).fill(email);
  await page.locator('#submission-consent').check();
}

async function draftsNamed(name: string) {
  // The public API never shows the draft: the CMS's own rows are checked through the mail instead.
  const data = await cms<{ organisations: { documentId: string }[] }>(
    'query($n: String) { organisations(locale: "fr", filters: { name: { eq: $n } }) { documentId } }',
    { n: name },
  );
  return data.organisations;
}

describe('Add your organisation', () => {
  it('is linked from the Atlas and sent without JavaScript (French): acknowledged, mailed, not public', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== SITE_URL) foreign.push(r.url());
    });
    await page.goto(localizedPath('fr', 'organisations'));
    await page.getByRole('link', { name: fr.atlasSubmit.link }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/atlas/proposer');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(fr.atlasSubmit.title);
    const name = `Coop sans script ${run}`;
    const email = address('nojs');
    await fill(page, 'fr', name, email);
    await page.waitForTimeout(MIN_FILL_MS);
    await Promise.all([
      page.waitForURL(/submitted=1/),
      page.getByRole('button', { name: fr.atlasSubmit.submit }).click(),
    ]);
    expect(await page.locator('#submission-outcome h2').textContent()).toBe(fr.atlasSubmit.outcome.title);
    const mail = await waitForMail(email);
    expect(mail.subject).toBe(REGISTRATION_MESSAGES.fr.submission.mail.subject.received.replace('{name}', name));
    expect(await draftsNamed(name)).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('shows each refusal next to its field and in an announced summary, keeps the values, changes nothing (English, JavaScript)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== SITE_URL) foreign.push(r.url());
    });
    await page.goto(localizedPath('en', 'organisations-add'));
    await page.waitForFunction(() => Boolean((document.querySelector('#__nuxt') as any)?.__vue_app__));
    await axe(page, 'form (en)');
    const name = `Coop with errors ${run}`;
    const email = address('errors');
    await fill(page, 'en', name, 'not-an-address');
    await page.getByLabel(en.atlasSubmit.fields.website).fill('ftp://coop.example.org');
    await page.waitForTimeout(MIN_FILL_MS);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: en.atlasSubmit.submit }).click(),
    ]);
    expect(response.status()).toBe(422);
    await page.waitForLoadState('load');
    const summary = page.locator('.submission-form__summary');
    expect(await summary.getByRole('heading').textContent()).toBe(en.atlasSubmit.summaryTitle);
    const cmsEn = REGISTRATION_MESSAGES.en.errors;
    const emailInput = page.getByLabel(en.atlasSubmit.fields.contactEmail);
    expect(await emailInput.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#submission-contactEmail-error').textContent()).toContain(cmsEn.invalidEmail);
    expect(await emailInput.getAttribute('aria-describedby')).toContain('submission-contactEmail-error');
    expect(await page.locator('#submission-website-error').textContent()).toContain(cmsEn.invalidValue);
    // The summary gets the focus (JavaScript on) and links to the fields; what was typed stays.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
    expect(await page.getByLabel(en.atlasSubmit.fields.name).inputValue()).toBe(name);
    await axe(page, 'refused (en)');
    expect(await draftsNamed(name)).toEqual([]);

    // Corrected, the same page sends it (with JavaScript, the browser posts the form just the same).
    await emailInput.fill(email);
    await page.getByLabel(en.atlasSubmit.fields.website).fill('https://coop.example.org');
    await page.waitForTimeout(MIN_FILL_MS);
    await Promise.all([
      page.waitForURL(/submitted=1/),
      page.getByRole('button', { name: en.atlasSubmit.submit }).click(),
    ]);
    expect(await page.locator('#submission-outcome h2').textContent()).toBe(en.atlasSubmit.outcome.title);
    const mail = await waitForMail(email);
    expect(mail.subject).toBe(REGISTRATION_MESSAGES.en.submission.mail.subject.received.replace('{name}', name));
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('refuses what a robot fills in the hidden field, without JavaScript, with a fresh form to send again', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(localizedPath('en', 'organisations-add'));
    const name = `Robot ${run}`;
    await fill(page, 'en', name, address('robot'));
    await page.locator('#submission-homepage').fill('http://spam.example', { force: true });
    await page.waitForTimeout(MIN_FILL_MS);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: en.atlasSubmit.submit }).click(),
    ]);
    expect(response.status()).toBe(422);
    await page.waitForLoadState('load');
    expect(await page.locator('.submission-form__summary').textContent()).toContain(
      REGISTRATION_MESSAGES.en.submission.errors.spam,
    );
    expect(await page.locator('input[name="formToken"]').getAttribute('value')).toMatch(/^organisation-submission\./);
    expect(await page.getByLabel(en.atlasSubmit.fields.name).inputValue()).toBe(name);
    expect(await draftsNamed(name)).toEqual([]);
    await context.close();
  });
});
