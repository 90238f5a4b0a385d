import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers';
import { AXE_TAGS, ROLES, createEditor, openAdmin, superAdmin, type Editor } from './admin-helpers';

// The Atlas import page of the admin (cms/src/admin/atlas-import-page.tsx), in Chromium against
// the built admin panel and the real CMS: a publisher logs in, chooses a CSV, sees the dry run's
// table (a row to create, a row in error with its reason), imports, and downloads the report; the
// organisation is then a draft. The server side is tested in cms/tests/atlas-import.test.ts.

const ORGANISATION = 'api::organisation.organisation';
let browser: Browser;
let publisher: Editor;
const n = Date.now().toString(36);
const name = `Browser import ${n}`;
const byName = `?locale=en&filters[name][$eq]=${encodeURIComponent(name)}`;

beforeAll(async () => {
  browser = await launchChromium();
  publisher = await createEditor(ROLES.publisher, 'en');
});

afterAll(async () => {
  await browser?.close();
  const admin = await superAdmin();
  const found = await admin.cm('GET', ORGANISATION, byName);
  for (const entry of found.body?.results ?? [])
    await admin.cm('DELETE', ORGANISATION, `/${entry.documentId}?locale=en`);
});

describe('the Atlas import page', () => {
  it('checks a CSV, shows each row and why, imports drafts, and gives the report', async () => {
    const { page } = await openAdmin(browser, publisher);
    await page.goto('/admin/atlas-import');
    await page.getByRole('heading', { name: 'Import organisations' }).waitFor({ timeout: 60_000 });
    const csv = [
      'name,slug,kind,roles,country,city,website,description',
      `"${name}",,association,training,FR,Lille,https://browser-${n}.example.org,"Imported from the browser test."`,
      `"Nameless country ${n}",,association,,XX,,,`,
    ].join('\r\n');
    await page.setInputFiles('input[type="file"]', {
      name: 'atlas.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();

    // The dry run: one row to create, one in error with its reason; nothing written yet.
    await page.getByText('Check: nothing is written yet').waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    const rows = page.getByRole('row');
    expect(await rows.nth(1).innerText()).toMatch(/create[\s\S]*Browser import/i);
    expect(await rows.nth(2).innerText()).toMatch(/error[\s\S]*country: “XX” is not a country code/i);
    expect(await page.getByText('1 to create, 0 to update, 0 unchanged, 1 with errors.').count()).toBe(1);
    const before = await publisher.api.cm('GET', ORGANISATION, byName);
    expect(before.body.results).toEqual([]);

    // Not hovering the button just clicked (the design system's hover colour is not what is checked).
    await page.mouse.move(0, 0);
    const axe = await new AxeBuilder({ page }).include('#atlas-import').withTags(AXE_TAGS).analyze();
    expect(axe.violations.flatMap((v) => v.nodes.map((x) => `${v.id}: ${x.html} ${x.failureSummary}`))).toEqual([]);

    // The import, then the report.
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the report (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('atlas-import-report-en.csv');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const report = Buffer.concat(chunks).toString('utf8');
    expect(report.split('\r\n')[0]).toBe('row,state,slug,name,id,changes,message');
    expect(report).toContain(`2,"create","browser-import-${n}"`);
    expect(report).toMatch(/3,"error",.*not a country code/);

    // A draft, not published.
    const after = await publisher.api.cm('GET', ORGANISATION, byName);
    expect(after.body.results).toHaveLength(1);
    expect(after.body.results[0].status).toBe('draft');
    await page.close();
  });
});
