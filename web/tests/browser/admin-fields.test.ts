import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SELF_SERVICE_SESSIONS } from '../../scripts/cms-fixtures.mjs';
import { cms, launchChromium } from './helpers';
import {
  axeAdmin,
  createEditor,
  editViewPath,
  gotoAdmin,
  openAdmin,
  ROLES,
  screenshot,
  superAdmin,
  type AdminApi,
  type Editor,
} from './admin-helpers';

// Issue 15 in Chromium, after the admin's own inputs and home widgets were added: a French
// publisher picks a country by its name and ticks roles (custom fields, cms/src/admin/choice-inputs.tsx)
// and finds on the home their drafts, what was just published and this week's registrations, the
// registrants' names being for the registrations manager only (cms/src/editors/home.ts).
const ORGANISATION = 'api::organisation.organisation';
const DEADLINE_MS = 20_000;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: DEADLINE_MS, interval: 200 });

vi.setConfig({ testTimeout: 240_000 });
let browser: Browser;
let admin: AdminApi;
let publisher: Editor;
let registrations: Editor;
const created: string[] = [];
const stamp = Date.now().toString(36);
const registrant = `Zoé Widget ${stamp}`;

/** A throwaway French organisation, as a draft, written by the super admin. */
async function organisation(label: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await admin.cm('POST', ORGANISATION, '?locale=fr', {
    name: `Orga ${label} ${stamp}`,
    slug: `orga-${label}-${stamp}`,
    kind: 'association',
    country: 'FR',
    ...extra,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  created.push(response.body.data.documentId);
  return response.body.data.documentId as string;
}

const draftOf = async (documentId: string) =>
  (await admin.cm('GET', ORGANISATION, `/${documentId}?locale=fr&status=draft`)).body.data;

/** The save (or publish) of the edit view, and the content manager's answer to it. */
async function clickAndWaitFor(page: Page, button: RegExp, urlPart: RegExp) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => urlPart.test(r.url()) && ['POST', 'PUT'].includes(r.request().method())),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  return response;
}

/** Registers a person for a fixture session through the CMS's API, as the site's form does. */
async function register(fullName: string) {
  const slug = SELF_SERVICE_SESSIONS[0]!.slug;
  const { trainingSessions } = await cms<{ trainingSessions: { documentId: string }[] }>(
    'query($slug: String) { trainingSessions(locale: "en", filters: { slug: { eq: $slug } }) { documentId } }',
    { slug },
  );
  const session = trainingSessions[0]!.documentId;
  const { trainingSessionRegistrationFormToken: formToken } = await cms<{
    trainingSessionRegistrationFormToken: string;
  }>('query($session: ID!) { trainingSessionRegistrationFormToken(session: $session) }', { session });
  await new Promise((resolve) => setTimeout(resolve, 1100)); // REGISTRATION_MIN_FILL_S=1 in the tests
  await cms(
    'mutation($data: TrainingSessionRegistrationInput!) { registerForTrainingSession(data: $data) { status } }',
    {
      data: {
        session,
        fullName,
        email: `admin-fields-${stamp}@example.org`,
        organisation: '',
        consent: true,
        locale: 'fr',
        formToken,
        website: '',
      },
    },
  );
}

beforeAll(async () => {
  browser = await launchChromium();
  admin = await superAdmin();
  publisher = await createEditor(ROLES.publisher, 'fr');
  registrations = await createEditor(ROLES.registrations, 'fr');
});

afterAll(async () => {
  for (const documentId of created) await admin.cm('DELETE', ORGANISATION, `/${documentId}?locale=*`);
  await browser?.close();
});

let picked: string; // the organisation whose country and roles the publisher chose (left a draft)
let published: string; // an organisation the publisher just published

describe('the organisation’s fields, in the French admin', () => {
  it('a country picked by its French name, two roles ticked: stored as BE and the role codes', async () => {
    picked = await organisation('pays');
    const { page } = await openAdmin(browser, publisher);
    await gotoAdmin(page, editViewPath(ORGANISATION, picked, 'fr'));
    const country = page.getByRole('combobox', { name: /Pays/ });
    await country.waitFor();
    await country.click();
    await country.fill('Belg');
    const belgium = page.getByRole('option', { name: /^Belgique/ });
    await belgium.waitFor();
    // Typing filters the list by the names in the admin's language.
    for (const name of await page.getByRole('option').allTextContents()) expect(name).toMatch(/belg/i);
    await belgium.click();
    await poll(() => country.inputValue()).toMatch(/^Belgique/);
    for (const role of ['Forme', 'Réseau']) await page.getByRole('checkbox', { name: role, exact: true }).check();
    expect(await page.getByRole('checkbox', { name: 'Fournit des outils numériques' }).isChecked()).toBe(false);
    const axe = await axeAdmin(page, '[data-academy]');
    console.log(`[admin-fields] axe on the organisation's edit view: ${JSON.stringify(axe)}`);
    expect(axe.ours).toEqual([]);
    const saved = await clickAndWaitFor(page, /^Enregistrer$/, new RegExp(`${ORGANISATION}/${picked}`));
    expect(saved.status(), await saved.text()).toBeLessThan(300);
    const draft = await draftOf(picked);
    expect(draft.country).toBe('BE');
    expect(draft.roles).toEqual(['training', 'network']);
    await page.close();
  });
});

describe('the editors’ home, in French', () => {
  beforeAll(async () => {
    await register(registrant);
    // Just published, by the publisher.
    published = await organisation('publiee');
    await publisher.api.ok(
      'POST',
      `/content-manager/collection-types/${ORGANISATION}/${published}/actions/publish?locale=fr`,
      {},
    );
  });

  it('a publisher sees their draft, what was just published, and registrations counted without names', async () => {
    const { page } = await openAdmin(browser, publisher);
    const drafts = page.locator('[data-academy="drafts-widget"]');
    const recent = page.locator('[data-academy="published-widget"]');
    const week = page.locator('[data-academy="registrations-widget"]');
    await drafts.getByRole('link', { name: new RegExp(`Orga pays ${stamp}`) }).waitFor({ timeout: DEADLINE_MS });
    await recent.getByRole('link', { name: new RegExp(`Orga publiee ${stamp}`) }).waitFor({ timeout: DEADLINE_MS });
    await week.getByText(/\d+ inscriptions? ces 7 derniers jours/).waitFor({ timeout: DEADLINE_MS });
    // Each under its title, in French; Strapi's own "last edited / published" widgets are gone.
    const body = (await page.locator('body').textContent()) ?? '';
    for (const title of ['Mes brouillons', 'Publiés récemment', 'Inscriptions de la semaine', 'À traduire'])
      expect(body).toContain(title);
    for (const gone of ['Dernières entrées modifiées', 'Dernières entrées publiées', 'Last edited entries'])
      expect(body).not.toContain(gone);
    expect(await week.textContent()).toContain('Self-service test session');
    expect(await week.textContent()).toContain('montrés qu’au rôle gestion des inscriptions');
    expect(body).not.toContain(registrant);
    // The widget counts types by their French names, only those with something to do, and keeps its links in sight.
    const translate = page.locator('[data-academy="translation-widget"]');
    await translate.getByText(/^Module :/).waitFor({ timeout: DEADLINE_MS });
    expect(await translate.textContent()).not.toMatch(/job-sheet|training-session/);
    for (const line of await translate.locator('li').allTextContents())
      expect(line).not.toMatch(/: 0 manquantes, 0 à mettre à jour, 0 brouillons/);
    await translate.getByRole('link', { name: 'État des traductions' }).waitFor();
    expect(await translate.getByRole('link', { name: 'État des traductions' }).isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'home-publisher-fr');
    await translate.scrollIntoViewIfNeeded();
    await screenshot(page, 'home-publisher-fr-widgets');
    const axe = await axeAdmin(page, '[data-academy]');
    console.log(`[admin-fields] axe on the home: ${JSON.stringify(axe)}`);
    expect(axe.ours).toEqual([]);

    // The translation status page names the types in French.
    await gotoAdmin(page, 'translation-status');
    await page.getByRole('heading', { level: 1, name: 'État des traductions' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const types = new Set((await page.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => t.trim()));
    expect(types.size).toBeGreaterThan(0);
    const french = ['Public', 'Compétence', "Page d'accueil", 'Entretien', 'Fiche métier', 'Module', 'Organisation'];
    const added = ["Offre d'emploi", 'Webinaire', 'Kit du formateur', 'Espace formateurs'];
    for (const type of types) expect([...french, ...added, 'Site', 'Thème', 'Session de formation']).toContain(type);
    await screenshot(page, 'translation-status-fr-types');
    await page.close();
  });

  it('the registrations manager sees the registrants’ names', async () => {
    const { page } = await openAdmin(browser, registrations);
    const week = page.locator('[data-academy="registrations-widget"]');
    await week.getByRole('link', { name: registrant }).waitFor({ timeout: DEADLINE_MS });
    expect(await week.textContent()).toContain('Dernières personnes inscrites');
    expect(await week.textContent()).not.toContain('montrés qu’au rôle');
    await screenshot(page, 'home-registrations-fr');
    const axe = await axeAdmin(page, '[data-academy]');
    expect(axe.ours).toEqual([]);
    await page.close();
  });
});
