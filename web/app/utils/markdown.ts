import { escapeHtml, isSafeUrl } from '#shared/markdown';

type Render = (markdown: string) => string;
let renderer: Promise<Render> | undefined;

/**
 * The Markdown renderer, loaded on first use: the server renders every page with it, a browser
 * only when it navigates to a page whose content it fetched itself (never on first load).
 * Raw HTML in the content is shown as text, not interpreted; a link or image whose address is
 * not safe (`javascript:`…, see isSafeUrl) keeps only its text.
 */
export function loadMarkdownRenderer(): Promise<Render> {
  renderer ??= import('marked').then(({ Marked }) => {
    const marked = new Marked({
      async: false,
      gfm: true,
      renderer: {
        html: ({ text }) => escapeHtml(text),
        link(token) {
          return isSafeUrl(token.href) ? false : this.parser.parseInline(token.tokens);
        },
        image(token) {
          return isSafeUrl(token.href) ? false : escapeHtml(token.text);
        },
      },
    });
    return (markdown: string) => marked.parse(markdown) as string;
  });
  return renderer;
}
