// The JavaScript a browser downloads and runs on the first load of a page, gzip-compressed: every
// script the page fetches until the network is idle and the app has hydrated (entry, preloaded
// and prefetched chunks, lazily imported ones), plus executable inline scripts. Shared by the
// benchmark (scripts/bench.mjs) and the size guard of the browser tests.
import { gzipSync } from 'node:zlib';

const gzipSize = (body) => gzipSync(body, { level: 9 }).length;
const isJs = (response) =>
  /javascript|ecmascript/.test(response.headers()['content-type'] ?? '') ||
  new URL(response.url()).pathname.endsWith('.js');

/**
 * Loads `path` in a fresh page of `context` (a playwright-core BrowserContext with a baseURL).
 * Returns { total, files: [{ url, bytes, gzip }] } in bytes; `total` is the sum of the gzip sizes.
 */
export async function firstLoadJs(context, path) {
  const page = await context.newPage();
  const pending = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' || !isJs(response)) return;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), bytes: body.length, gzip: gzipSize(body) }),
        () => null,
      ),
    );
  });
  try {
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
    await page.waitForFunction(() => Boolean(document.querySelector('#__nuxt')?.__vue_app__));
    // Idle callbacks (prefetches started after hydration) have had their chance.
    await page.waitForLoadState('networkidle');
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !s.type || s.type === 'module' || /javascript/.test(s.type))
        .map((s) => s.textContent ?? ''),
    );
    const files = (await Promise.all(pending)).filter(Boolean);
    for (const [index, text] of inline.entries()) {
      if (text.trim())
        files.push({ url: `inline #${index + 1}`, bytes: Buffer.byteLength(text), gzip: gzipSize(text) });
    }
    return { total: files.reduce((sum, file) => sum + file.gzip, 0), files };
  } finally {
    await page.close();
  }
}
