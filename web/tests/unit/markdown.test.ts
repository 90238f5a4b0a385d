import { describe, expect, it } from 'vitest';
import { fitHeadings } from '#shared/headings';
import { isSafeUrl, loadMarkdownRenderer } from '../../app/utils/markdown';

describe('Markdown from the CMS', () => {
  it('keeps links to pages, the web, mail and phone', async () => {
    const render = await loadMarkdownRenderer();
    const html = render(
      '[catalogue](/en/modules), [ESS](https://www.ess-europe.eu), [mail](mailto:contact@example.org), [call](tel:+3220000000), [top](#theory)',
    );
    for (const href of [
      '/en/modules',
      'https://www.ess-europe.eu',
      'mailto:contact@example.org',
      'tel:+3220000000',
      '#theory',
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
  });

  it('turns script and data addresses into plain text, however they are spelt', async () => {
    const render = await loadMarkdownRenderer();
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
    ]) {
      expect(isSafeUrl(href), href).toBe(false);
      const html = render(`[click me](<${href}>) ![a picture](<${href}>)`);
      expect(html, href).not.toMatch(/href=|src=/);
      expect(html).toContain('click me');
      expect(html).toContain('a picture');
    }
  });

  // The OWASP XSS filter evasion cheat sheet's address vectors: character references (named,
  // decimal, hex; padded, without `;`, nested), control characters and spaces inside or before the
  // scheme. Marked copies references into the attribute as they are, and the browser decodes them.
  const EVASIONS = [
    'javascript&#58;alert(1)',
    '&#106;avascript:alert(1)',
    '&#106avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#X6a;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#x3A;alert(1)',
    'javascript&#x003a;alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;',
    '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041',
    '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29',
    'jav&#x09;ascript:alert(1)',
    'jav&#x0A;ascript:alert(1)',
    'jav&#x0D;ascript:alert(1)',
    'jav&Tab;ascript:alert(1)',
    'jav&NewLine;ascript:alert(1)',
    ' &#14;  javascript:alert(1)',
    'java\u0000script:alert(1)',
    '&#x20;javascript:alert(1)',
    '&nbsp;javascript:alert(1)',
    '&amp;#106;avascript:alert(1)',
    '&#38;#106;avascript:alert(1)',
    'JaVaScRiPt&colon;alert(1)',
    'vbscript&#58;msgbox(1)',
    'data&colon;text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'livescript:alert(1)',
  ];

  it('turns addresses hidden behind character references or control characters into plain text (OWASP evasions)', async () => {
    const render = await loadMarkdownRenderer();
    for (const href of EVASIONS) {
      expect(isSafeUrl(href), href).toBe(false);
      for (const markdown of [`[click me](<${href}>)`, `![a picture](<${href}>)`]) {
        const html = render(markdown);
        expect(html, markdown).not.toMatch(/href=|src=/);
        expect(html, markdown).toMatch(/click me|a picture/);
      }
    }
    // The bare form the audit reported (no angle brackets), links and images alike.
    for (const markdown of [
      '[x](javascript&#58;alert(1))',
      '[x](&#106;avascript:alert(1))',
      '![x](&#106;avascript:alert(1))',
    ]) {
      expect(render(markdown), markdown).not.toMatch(/href=|src=/);
    }
  });

  it('still keeps addresses whose references decode to something harmless', async () => {
    const render = await loadMarkdownRenderer();
    const html = render(
      '[search](https://example.org/?q=a&amp;page=2) [about](&#47;en&#47;modules) [mail](mailto&#58;contact@example.org)',
    );
    expect(html).toContain('href="https://example.org/?q=a&amp;page=2"');
    expect(html).toContain('href="&#47;en&#47;modules"');
    expect(html).toContain('href="mailto&#58;contact@example.org"');
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
    expect([...fitHeadings(html, 1).matchAll(/<(\/?h\d)>/g)].map((m) => m[1])).toEqual([
      'h2',
      '/h2',
      'h3',
      '/h3',
      'h2',
      '/h2',
      'h3',
      '/h3',
    ]);
    // In a titled section (h2), as written.
    expect(fitHeadings(render('### A\n\n#### B'), 2)).toBe(render('### A\n\n#### B'));
    expect(fitHeadings('<p>no heading, no <hr> change</p>', 1)).toBe('<p>no heading, no <hr> change</p>');
  });
});
