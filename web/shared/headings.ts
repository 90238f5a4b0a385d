// Headings of the CMS's rendered Markdown, fitted into a page's outline (components/app/AppProse.vue).
// Its own module: pages import it, and so it does not bring the Markdown helpers into their chunks.

/**
 * The headings of rendered Markdown (`<h1>`…`<h6>`, only ever written by the renderer: raw HTML
 * in the content is escaped) renumbered to fit under a heading of level `under`: the highest
 * becomes `under + 1`, and none is more than one level below the heading before it. Editors write
 * `###` and down (cms/data/README.md), right inside a titled section (h2) but a skipped level
 * right under a page's h1.
 */
export function fitHeadings(html: string, under: number): string {
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  if (!levels.length) return html;
  const shift = under + 1 - Math.min(...levels);
  let previous = under;
  const opened: number[] = [];
  return html.replace(/<(\/?)h([1-6])\b/g, (_, closing: string, level: string) => {
    if (closing) return `</h${opened.shift() ?? level}`;
    const fitted = Math.min(6, Math.max(under + 1, Math.min(Number(level) + shift, previous + 1)));
    previous = fitted;
    opened.push(fitted);
    return `<h${fitted}`;
  });
}
