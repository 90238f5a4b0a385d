import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localizedPath } from '#shared/routes';
import { html, launchChromium } from './helpers';
import {
  axeAdmin,
  contentTypeLinks,
  createEditor,
  editViewPath,
  gotoAdmin,
  openAdmin as open,
  ROLES,
  screenshot,
  superAdmin,
  type AdminApi,
  type Editor,
} from './admin-helpers';

// Issue 15 in Chromium, against the real admin panel (built as `npm start` builds it) and the real
// CMS: editors of each seeded role, created through the admin API and logged in through the login
// form, in French and English, doing what editors do. What the admin API alone guarantees is in
// cms/tests (roles, editors-admin, translation-status, shared-fields); here, what they see.
const MODULE = 'api::module.module';
const LOCALES = ['en', 'fr', 'it', 'es'] as const;
const DEADLINE_MS = 20_000;
// The admin is a large single-page app on a busy machine: waits for what it shows are generous.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: DEADLINE_MS, interval: 200 });

vi.setConfig({ testTimeout: 240_000 });
let browser: Browser;
let admin: AdminApi;
let italian: Editor;
let publisher: Editor;
let registrations: Editor;
const created: string[] = [];
const stamp = Date.now().toString(36);

interface Module {
  documentId: string;
  titles: Record<string, string>;
  slugs: Record<string, string>;
}

/**
 * A throwaway module written through the admin API by the super admin: `locales` in order (the
 * first is the source), each published unless listed in `drafts`.
 */
async function throwawayModule(
  label: string,
  locales: readonly string[] = LOCALES,
  { drafts = [], durationHours = 3 }: { drafts?: string[]; durationHours?: number } = {},
): Promise<Module> {
  const titles: Record<string, string> = {};
  const slugs: Record<string, string> = {};
  let documentId = '';
  for (const locale of locales) {
    titles[locale] = `Admin ${label} ${locale} ${stamp}`;
    slugs[locale] = `admin-${label}-${locale}-${stamp}`;
    const data = { title: titles[locale], slug: slugs[locale], level: 'discovery', durationHours };
    const response = documentId
      ? await admin.cm('PUT', MODULE, `/${documentId}?locale=${locale}`, data)
      : await admin.cm('POST', MODULE, `?locale=${locale}`, data);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    documentId = response.body.data.documentId;
    if (!drafts.includes(locale))
      await admin.ok(
        'POST',
        `/content-manager/collection-types/${MODULE}/${documentId}/actions/publish?locale=${locale}`,
        {},
      );
  }
  created.push(documentId);
  return { documentId, titles, slugs };
}

/** A locale's draft and published versions of a module, as the content manager reads them. */
async function versions(documentId: string, locale: string) {
  const draft = (await admin.cm('GET', MODULE, `/${documentId}?locale=${locale}&status=draft`)).body?.data;
  const published = (await admin.cm('GET', MODULE, `/${documentId}?locale=${locale}&status=published`)).body?.data;
  return { draft, published };
}

/** Polls `check` until it holds or the deadline passes. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = DEADLINE_MS) {
  for (const until = Date.now() + timeoutMs; ;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The save (or publish) of the edit view, and the answer of the content manager's API to it. */
async function clickAndWaitFor(page: Page, button: RegExp, urlPart: RegExp) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => urlPart.test(r.url()) && ['POST', 'PUT'].includes(r.request().method())),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  return response;
}

/** The last admin page opened: what a failed test's screenshot shows. */
let lastPage: Page | undefined;
async function openAdmin(...args: Parameters<typeof open>) {
  const opened = await open(...args);
  lastPage = opened.page;
  return opened;
}

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && lastPage && !lastPage.isClosed())
    await screenshot(lastPage, `failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
  lastPage = undefined;
});

beforeAll(async () => {
  browser = await launchChromium();
  admin = await superAdmin();
  italian = await createEditor(ROLES.translator('it'), 'en');
  publisher = await createEditor(ROLES.publisher, 'fr');
  registrations = await createEditor(ROLES.registrations, 'en');
});

afterAll(async () => {
  for (const documentId of created.splice(0))
    await admin.cm('DELETE', MODULE, `/${documentId}?locale=*`).catch(() => undefined);
  await browser?.close();
});

describe('the roles, in the admin', () => {
  it('an Italian translator sees and edits Italian, cannot edit French, never sees registrations', async () => {
    const module = await throwawayModule('roles');
    const { page } = await openAdmin(browser, italian);
    const types = await contentTypeLinks(page);
    expect(types).toContain('Module');
    expect(types).not.toContain('Registration');
    expect(types.join(' ')).not.toMatch(/Registration/);

    // Italian: the title can be typed in, and the save goes through.
    await gotoAdmin(page, editViewPath(MODULE, module.documentId, 'it'));
    const title = page.locator('input[name="title"]');
    await poll(() => title.inputValue()).toBe(module.titles.it);
    expect(await title.isEditable()).toBe(true);
    const newTitle = `Titolo modificato ${stamp}`;
    await title.fill(newTitle);
    const saved = await clickAndWaitFor(page, /^Save$/, /\/content-manager\/collection-types\/api::module\.module\//);
    expect(saved.status()).toBe(200);
    expect((await versions(module.documentId, 'it')).draft.title).toBe(newTitle);

    // French: read only in the page (no field to type in, nothing to save)...
    await gotoAdmin(page, editViewPath(MODULE, module.documentId, 'fr'));
    const french = page.locator('input[name="title"]');
    await poll(() => french.inputValue()).toBe(module.titles.fr);
    expect(await french.isEditable()).toBe(false);
    const save = page.getByRole('button', { name: /^Save$/ });
    expect((await save.count()) === 0 || (await save.first().isDisabled())).toBe(true);
    // ...and refused by the server when the request is sent anyway, with the translator's own token.
    const forced = await italian.api.cm('PUT', MODULE, `/${module.documentId}?locale=fr`, {
      title: 'Hijacked',
      slug: module.slugs.fr,
    });
    expect(forced.status).toBe(403);
    expect((await versions(module.documentId, 'fr')).draft.title).toBe(module.titles.fr);

    // Registrations, even by their address: no list.
    await gotoAdmin(page, 'content-manager/collection-types/api::registration.registration');
    await poll(() => page.locator('body').textContent()).not.toMatch(/@example\.org|Registration \(/);
    expect((await italian.api.cm('GET', 'api::registration.registration')).status).toBe(403);
    await page.close();
  });

  it('the registrations manager sees registrations', async () => {
    const { page } = await openAdmin(browser, registrations);
    const types = await contentTypeLinks(page);
    expect(types).toContain('Registration');
    await page.getByRole('link', { name: 'Registration', exact: true }).click();
    await page.waitForURL(/api::registration\.registration/);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Registration/);
    await page.close();
  });
});

describe('the admin in the editor’s language', () => {
  it('labels the fields in French, and finds a competence by its name', async () => {
    const module = await throwawayModule('labels', ['en', 'fr']);
    const { page } = await openAdmin(browser, publisher);
    await gotoAdmin(page, editViewPath(MODULE, module.documentId, 'fr'));
    await page.locator('input[name="title"]').waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Durée (heures)');
    expect(body).toContain('La même dans toutes les langues.');
    expect(body).toContain('Cas pratique');
    for (const raw of ['durationHours', 'practicalCase', 'referenceModel']) expect(body).not.toContain(raw);
    expect(await page.getByLabel('Durée (heures)').inputValue()).toBe('3');

    // The DigComp picker: typing a word of the name finds "4.2 …".
    const picker = page.getByRole('combobox', { name: /Compétences DigComp/ });
    await picker.click();
    await picker.fill('Protéger');
    const option = page.getByRole('option', { name: /^4\.2 Protéger les données personnelles/ });
    await option.waitFor();
    expect(await page.getByRole('option', { name: /^\d\.\d$/ }).count()).toBe(0);
    await page.close();
  });

  it('labels the same fields in English for an editor whose admin is in English', async () => {
    const module = await throwawayModule('labels-en', ['en']);
    const { page } = await openAdmin(browser, italian);
    await gotoAdmin(page, editViewPath(MODULE, module.documentId, 'en'));
    await page.locator('input[name="title"]').waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Duration (hours)');
    expect(body).not.toContain('durationHours');
    const picker = page.getByRole('combobox', { name: /DigComp competences/ });
    expect(await picker.isDisabled()).toBe(true); // English is not the Italian translator's to edit
    await page.close();
  });
});

describe('slugs, as the Italian translator writes', () => {
  it('a new module in Italian gets its slug from its Italian title on save', async () => {
    const { page } = await openAdmin(browser, italian);
    await gotoAdmin(page, editViewPath(MODULE, 'create', 'it'));
    const title = `Proteggere i dati ${stamp}`;
    await page.locator('input[name="title"]').fill(title);
    await page.getByRole('combobox', { name: /Level/ }).click();
    await page.getByRole('option', { name: 'discovery' }).click();
    const saved = await clickAndWaitFor(page, /^Save$/, /\/content-manager\/collection-types\/api::module\.module/);
    expect(saved.status()).toBeLessThan(300);
    const documentId = (await saved.json()).data.documentId as string;
    created.push(documentId);
    const expected = `proteggere-i-dati-${stamp}`;
    expect((await versions(documentId, 'it')).draft.slug).toBe(expected);
    await poll(() => page.locator('input[name="slug"]').inputValue()).toBe(expected);
    await page.close();
  });

  it('the Italian version of a French module gets its own slug, not the French one', async () => {
    const french = await throwawayModule('slug-source', ['fr']);
    const { page } = await openAdmin(browser, italian);
    await gotoAdmin(page, editViewPath(MODULE, french.documentId, 'it'));
    // The content manager offers the French version to start from: the editor takes it...
    await page.getByRole('button', { name: 'Fill in from another locale' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('combobox', { name: 'Locale' }).click();
    await page.getByRole('option', { name: /French/ }).click();
    await dialog.getByRole('button', { name: /Yes, fill in/ }).click();
    await poll(() => page.locator('input[name="title"]').inputValue()).toBe(french.titles.fr);
    expect(await page.locator('input[name="slug"]').inputValue()).toBe(french.slugs.fr);
    // ...translates the title, leaves the slug as it came, and saves.
    const title = `Moduli tradotti ${stamp}`;
    await page.locator('input[name="title"]').fill(title);
    const saved = await clickAndWaitFor(page, /^Save$/, /\/content-manager\/collection-types\/api::module\.module\//);
    expect(saved.status()).toBeLessThan(300);
    const slug = (await versions(french.documentId, 'it')).draft.slug;
    expect(slug).toBe(`moduli-tradotti-${stamp}`);
    expect(slug).not.toBe(french.slugs.fr);
    expect((await versions(french.documentId, 'fr')).draft.slug).toBe(french.slugs.fr);
    await page.close();
  });
});

describe('the translation status', () => {
  let states: Module; // en published, fr modified, it draft, es missing
  let outdated: Module; // fr translated from en, then en changed

  beforeAll(async () => {
    states = await throwawayModule('states', ['en', 'fr', 'it'], { drafts: ['it'] });
    expect(
      (await admin.cm('PUT', MODULE, `/${states.documentId}?locale=fr`, { title: `${states.titles.fr} (v2)` })).status,
    ).toBe(200);
    outdated = await throwawayModule('outdated', ['en', 'fr']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The source (English, the first written) changes after the French translation was saved.
    expect(
      (await admin.cm('PUT', MODULE, `/${outdated.documentId}?locale=en`, { title: `${outdated.titles.en} (v2)` }))
        .status,
    ).toBe(200);
  });

  /** The cells of the row of `title`: locale → text, from the table's headers. */
  async function row(page: Page, title: string): Promise<Record<string, string>> {
    const headers = (await page.locator('thead th').allTextContents()).map((t) => t.trim().toLowerCase());
    const cells = await page.locator('tbody tr').filter({ hasText: title }).first().locator('td').allTextContents();
    return Object.fromEntries(
      headers.map((h, i) => [h, (cells[i] ?? '').trim()]).filter(([h]) => (LOCALES as readonly string[]).includes(h!)),
    );
  }

  async function choose(page: Page, label: string, option: string) {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.waitForLoadState('networkidle');
  }

  it('shows missing, draft, published, modified and outdated, in French', async () => {
    const { page } = await openAdmin(browser, publisher);
    await page.getByRole('link', { name: 'État des traductions' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'État des traductions' }).waitFor();
    await choose(page, 'Type', 'Module');
    await page.locator('tbody tr').filter({ hasText: states.titles.en }).waitFor();
    expect(await row(page, states.titles.en)).toEqual({
      en: 'Publiée',
      fr: 'Modifiée',
      it: 'Brouillon',
      es: 'Manquante',
    });
    expect(await row(page, `${outdated.titles.en} (v2)`)).toMatchObject({ fr: 'À mettre à jour', es: 'Manquante' });
    await screenshot(page, 'translation-status-fr');

    // Filters: state (with a locale), and every row kept shows that state there.
    await choose(page, 'Langue', 'FR');
    await choose(page, 'État', 'À mettre à jour');
    await poll(() => page.locator('tbody tr').filter({ hasText: states.titles.en }).count()).toBe(0);
    expect(await page.locator('tbody tr').filter({ hasText: outdated.titles.en }).count()).toBe(1);
    for (const text of await page.locator('tbody tr').allTextContents()) expect(text).toContain('À mettre à jour');
    await screenshot(page, 'translation-status-fr-outdated');
    await choose(page, 'État', 'Modifiée');
    await poll(() => page.locator('tbody tr').filter({ hasText: states.titles.en }).count()).toBe(1);
    expect(await page.locator('tbody tr').filter({ hasText: outdated.titles.en }).count()).toBe(0);

    // A cell opens the entry's edit view in that language.
    const cell = page.locator('tbody tr').filter({ hasText: states.titles.en }).getByRole('link', { name: 'Modifiée' });
    await cell.click();
    await page.waitForURL(new RegExp(`${states.documentId}.*locale.*=fr`));
    await poll(() => page.locator('input[name="title"]').inputValue()).toBe(`${states.titles.fr} (v2)`);
    await page.close();
  });

  it('puts the translator’s own language first, and counts on the home what the page shows', async () => {
    const { page } = await openAdmin(browser, italian);
    const counts = (await italian.api.ok('GET', '/editors/translation-status')).counts[MODULE];
    expect(counts.outdated).toBeGreaterThanOrEqual(1);
    expect(counts.missing).toBeGreaterThanOrEqual(1);
    // The home's "To translate" widget.
    const line = page.getByText(/^Module: \d+ missing, \d+ outdated, \d+ drafts$/);
    await poll(() => line.textContent()).toBe(
      `Module: ${counts.missing} missing, ${counts.outdated} outdated, ${counts.draft} drafts`,
    );
    await screenshot(page, 'home-translator-it-en');
    await line.scrollIntoViewIfNeeded();
    await screenshot(page, 'home-translator-it-en-widgets');
    await page.getByRole('link', { name: 'Translation status' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Translation status' }).waitFor();
    const headers = (await page.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headers.slice(2)).toEqual(['IT', 'EN', 'FR', 'ES']);
    await screenshot(page, 'translation-status-translator-it-en');
    await page.close();
  });
});

describe('shared fields', () => {
  it('a duration changed and published in English reaches the French, Italian and Spanish pages, none left "Modified"', async () => {
    const module = await throwawayModule('shared');
    const { page } = await openAdmin(browser, publisher);
    await gotoAdmin(page, editViewPath(MODULE, module.documentId, 'en'));
    const duration = page.getByLabel('Durée (heures)');
    await poll(() => duration.inputValue()).toBe('3');
    await duration.fill('7');
    const published = await clickAndWaitFor(page, /^Publier$/, /\/actions\/publish/);
    expect(published.status()).toBe(200);
    for (const locale of ['fr', 'it', 'es']) {
      const { draft, published: live } = await versions(module.documentId, locale);
      expect(Number(live.durationHours), locale).toBe(7);
      expect(draft.updatedAt <= live.updatedAt, `${locale} not left modified`).toBe(true);
    }
    const status = (await admin.ok('GET', `/editors/translation-status?type=${MODULE}`)).rows.find(
      (r: { documentId: string }) => r.documentId === module.documentId,
    );
    for (const locale of LOCALES) expect(status.cells[locale].state, locale).toBe('published');
    // On the site, within seconds (publishing purges every locale's pages).
    for (const [locale, hours] of [
      ['fr', '7 h'],
      ['it', '7 ore'],
      ['es', '7 h'],
    ] as const)
      await eventually(`${locale} page shows 7 hours`, async () => {
        const { body } = await html(localizedPath(locale, 'modules', module.slugs[locale]));
        return body.includes(`<dd>${hours}</dd>`);
      });
    await page.close();
  });
});

// What our own admin pages render: the page's content area (the admin has no <main>); on the
// home, our widget.
const OUR_PAGE = '[data-strapi-main-content]';

describe('the editors’ admin', () => {
  it('shows no developer tour and no User type, and opens the guide from the menu', async () => {
    const { page } = await openAdmin(browser, publisher);
    const home = (await page.locator('body').textContent()) ?? '';
    for (const tour of ['Create your schema', 'Copy an API token', 'Créez votre schéma', 'Copier un jeton', 'Tour'])
      expect(home).not.toContain(tour);
    await page
      .locator('[data-academy="translation-widget"]')
      .getByText(/^Module :/)
      .waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'home-publisher-fr');
    // The admin scrolls inside its layout: the widgets below the fold, in a second picture.
    await page.locator('[data-academy="translation-widget"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'home-publisher-fr-widgets');
    const types = await contentTypeLinks(page);
    expect(types).toContain('Module');
    expect(types).not.toContain('User');
    expect(types).not.toContain('Utilisateur');
    // The content manager opens on a type, with no tour popover over it.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('link', { name: 'Guide des éditeurs' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Guide des éditeurs' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(3);
    await page.close();
  });

  it('axe: no WCAG 2.2 AA violation in our pages; Strapi’s own reported apart', async () => {
    const { page } = await openAdmin(browser, publisher);
    const report: Record<string, { ours: string[]; strapi: string[] }> = {};
    await page.locator('[data-academy="translation-widget"]').waitFor();
    report.home = await axeAdmin(page, '[data-academy]');
    await gotoAdmin(page, 'translation-status');
    await page.getByRole('heading', { level: 1, name: 'État des traductions' }).waitFor();
    report['translation-status'] = await axeAdmin(page, OUR_PAGE);
    await gotoAdmin(page, 'editors-guide');
    await page.getByRole('heading', { level: 1, name: 'Guide des éditeurs' }).waitFor();
    report.guide = await axeAdmin(page, OUR_PAGE);
    console.log(`[admin] axe: ${JSON.stringify(report, null, 2)}`);
    for (const [name, split] of Object.entries(report)) expect(split.ours, name).toEqual([]);
    await page.close();
  });
});
