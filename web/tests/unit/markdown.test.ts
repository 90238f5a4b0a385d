import { describe, expect, it } from 'vitest';
import { fitHeadings } from '#shared/headings';
import { isSafeUrl } from '#shared/markdown';
import { loadMarkdownRenderer } from '../../app/utils/markdown';

describe('Markdown from the CMS', () => {
  it('keeps links to pages, the web, mail and phone', async () => {
    const render = await loadMarkdownRenderer();
    const html = render('[catalogue](/en/modules), [ESS](https://www.ess-europe.eu), [mail](mailto:contact@example.org), [call](tel:+3220000000), [top](#theory)');
    for (const href of ['/en/modules', 'https://www.ess-europe.eu', 'mailto:contact@example.org', 'tel:+3220000000', '#theory']) {
      expect(html).toContain(`href="${href}"`);
    }
  });

  it('turns script and data addresses into plain text, however they are spelt', async () => {
    const render = await loadMarkdownRenderer();
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)']) {
      expect(isSafeUrl(href), href).toBe(false);
      const html = render(`[click me](<${href}>) ![a picture](<${href}>)`);
      expect(html, href).not.toMatch(/href=|src=/);
      expect(html).toContain('click me');
      expect(html).toContain('a picture');
    }
  });

  it('shows raw HTML as text', async () => {
    const render = await loadMarkdownRenderer();
    expect(render('<img src=x onerror=alert(1)>')).not.toContain('<img');
  });
});

describe('headings of rendered Markdown in a page', () => {
  it('fit under the heading the text sits under, skipping no level', async () => {
    const render = await loadMarkdownRenderer();
    const html = render('### Publisher\n\ntext\n\n##### Deep\n\n### Hosting\n\n#### Details');
    // Under a page's h1 (a legal page): ### becomes h2, and ##### no deeper than h3.
    expect([...fitHeadings(html, 1).matchAll(/<(\/?h\d)>/g)].map((m) => m[1])).toEqual(['h2', '/h2', 'h3', '/h3', 'h2', '/h2', 'h3', '/h3']);
    // In a titled section (h2), as written.
    expect(fitHeadings(render('### A\n\n#### B'), 2)).toBe(render('### A\n\n#### B'));
    expect(fitHeadings('<p>no heading, no <hr> change</p>', 1)).toBe('<p>no heading, no <hr> change</p>');
  });
});
