import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers';
import {
  axeAdmin,
  createEditor,
  editViewPath,
  gotoAdmin,
  openAdmin,
  ROLES,
  superAdmin,
  type AdminApi,
  type Editor,
} from './admin-helpers';

// Issue 15 in Chromium, the admin's own inputs (custom fields): a French
// publisher picks a country by its name and ticks roles (cms/src/admin/choice-inputs.tsx).
const ORGANISATION = 'api::organisation.organisation';
const DEADLINE_MS = 20_000;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: DEADLINE_MS, interval: 200 });

vi.setConfig({ testTimeout: 240_000 });
let browser: Browser;
let admin: AdminApi;
let publisher: Editor;
const created: string[] = [];
const stamp = Date.now().toString(36);

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

beforeAll(async () => {
  browser = await launchChromium();
  admin = await superAdmin();
  publisher = await createEditor(ROLES.publisher, 'fr');
});

afterAll(async () => {
  for (const documentId of created) await admin.cm('DELETE', ORGANISATION, `/${documentId}?locale=*`);
  await browser?.close();
});

describe('the organisation’s fields, in the French admin', () => {
  it('a country picked by its French name, two roles ticked: stored as BE and the role codes', async () => {
    const picked = await organisation('pays');
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
