import { decodeHTML } from 'entities/decode';
import { escapeHtml, isSafeUrl as isSafeAddress } from '#shared/markdown';

/**
 * Character references decoded as the browser that shows the link will decode them: on the server
 * by entities' HTML decoder (the whole HTML table, the rules for a missing `;`); in the browser by
 * its own HTML parser, reading the address as an attribute (exactly its rules, and no decoding
 * table to download: `import.meta.client` leaves entities out of the browser's bundle).
 */
const decodeReferences = import.meta.client ? decodeAsAttribute : decodeHTML;
function decodeAsAttribute(text: string): string {
  const parsed = new DOMParser().parseFromString(`<a href="${text.replace(/"/g, '&quot;')}"></a>`, 'text/html');
  return parsed.querySelector('a')?.getAttribute('href') ?? text;
}

/** isSafeUrl (shared/markdown.ts) with the references of `url` decoded as this side decodes them. */
export const isSafeUrl = (url: string) => isSafeAddress(url, decodeReferences);

type Render = (markdown: string) => string;
let renderer: Promise<Render> | undefined;

/**
 * The Markdown renderer, loaded on first use: the server renders every page with it, a browser
 * only when it navigates to a page whose content it fetched itself (never on first load).
 * Raw HTML in the content is shown as text, not interpreted; a link or image whose address is
 * not safe (`javascript:`…, see isSafeUrl) keeps only its text.
 */
export function loadMarkdownRenderer(): Promise<Render> {
  renderer ??= import('marked').then(async ({ Marked }) => {
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
    const render: Render = (markdown) => marked.parse(markdown) as string;
    if (import.meta.server) {
      // The server renders the same texts page after page: their HTML is kept (8 M characters).
      const { LRUCache } = await import('lru-cache');
      const rendered = new LRUCache<string, string>({
        maxSize: 8 * 1024 * 1024,
        // (+ 1: an empty text is kept too; lru-cache wants a positive size.)
        sizeCalculation: (html, markdown) => html.length + markdown.length + 1,
      });
      return (markdown: string) => {
        let html = rendered.get(markdown);
        if (html === undefined) rendered.set(markdown, (html = render(markdown)));
        return html;
      };
    }
    return render;
  });
  return renderer;
}
