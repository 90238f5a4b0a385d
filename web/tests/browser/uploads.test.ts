import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_UPLOADS } from '../../scripts/cms-fixtures.mjs';
import { CMS_URL, launchChromium, newContext, SITE_URL } from './helpers';

// /uploads on the site's origin (server/routes/uploads/[...path].ts, issue 9 finding 12): files
// the editors uploaded (scripts/cms-fixtures.mjs TEST_UPLOADS: an HTML page and an SVG that run a
// script, a PDF, a PNG), served by the real CMS and passed on by the built site.
const uploads = JSON.parse(process.env.TEST_UPLOADS ?? '{}') as Record<keyof typeof TEST_UPLOADS, string>;
if (!uploads.html || !uploads.svg || !uploads.pdf || !uploads.png)
  throw new Error('TEST_UPLOADS: the fixture uploads are missing (scripts/test.mjs)');

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${SITE_URL}${path}`, { headers });

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('uploads on the site’s origin', () => {
  it('the CMS does hold the fixture files, as it serves them', async () => {
    for (const [key, path] of Object.entries(uploads)) {
      const response = await fetch(`${CMS_URL}${path}`);
      expect(response.status, key).toBe(200);
      expect(response.headers.get('content-type'), key).toContain(TEST_UPLOADS[key as keyof typeof TEST_UPLOADS].mime);
    }
  });

  it('serves no HTML (nor any type that is not an image or a document): a plain 404', async () => {
    const html = await get(uploads.html);
    expect(html.status).toBe(404);
    const body = await html.text();
    expect(body).not.toContain('<script');
    expect(html.headers.get('content-type')).toMatch(/^text\/plain/);
    // Nor under another name, nor a file the CMS does not have (the CMS's own 404 body stays there).
    for (const path of [
      uploads.html.replace(/\.html$/, '.htm'),
      uploads.html.replace(/\.html$/, '.js'),
      '/uploads/no-such-file.png',
      '/uploads/.hidden.png',
      '/uploads/no-extension',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('Not Found');
    }
  });

  it('serves an image inline, as its type, nosniff, with none of the CMS’s own headers', async () => {
    const response = await get(uploads.png);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe('inline');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    // The very file the CMS stores (it re-encodes images on upload).
    const stored = Buffer.from(await (await fetch(`${CMS_URL}${uploads.png}`)).arrayBuffer());
    expect(stored.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(Buffer.from(await response.arrayBuffer()).equals(stored)).toBe(true);
  });

  it('serves a document as a download, ranges included', async () => {
    const response = await get(uploads.pdf);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+\.pdf"$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(TEST_UPLOADS.pdf.content);
    const range = await get(uploads.pdf, { range: 'bytes=0-7' });
    expect(range.status).toBe(206);
    expect(await range.text()).toBe('%PDF-1.4');
    expect(range.headers.get('content-range')).toMatch(/^bytes 0-7\/\d+$/);
  });

  it('an SVG with a script: an image in a page, a download (sandboxed, no script) when opened', async () => {
    const response = await get(uploads.svg);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+\.svg"$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/(^|;)\s*sandbox\s*(;|$)/);

    const context = await newContext(browser);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    // Shown by an <img> of a page of the site (which never runs an image's script).
    await page.goto('/en/legal-notice');
    const width = await page.evaluate(async (src) => {
      const image = document.createElement('img');
      image.alt = '';
      image.src = src;
      document.body.append(image);
      await image.decode();
      return image.naturalWidth;
    }, uploads.svg);
    expect(width).toBe(40);
    // Opened directly: the browser downloads it, it is not rendered as a document of the site.
    const download = page.waitForEvent('download');
    await page.goto(uploads.svg).catch(() => {});
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);
    // And the HTML page, opened directly: the 404 text, no document of the CMS.
    await page.goto(uploads.html);
    expect(await page.locator('body').textContent()).toBe('Not Found');
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
