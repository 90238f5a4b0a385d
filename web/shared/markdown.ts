// Rich-text fields are Markdown in the CMS. They are turned into HTML where results enter the
// GraphQL client (app/graphql/client.ts), so that a server-rendered page carries HTML in its
// payload and the browser needs no Markdown parser to hydrate it.

/** The Markdown fields of each GraphQL type (by `__typename`, which urql adds to every selection). */
export const MARKDOWN_FIELDS: Record<string, readonly string[]> = {
  Module: ['theory', 'practicalCase', 'referenceModel'],
  JobSheet: ['accessRoutes', 'workContexts'],
  TrainingSession: ['description'],
  JobOffer: ['description'],
  Webinar: ['description', 'transcript'],
  Home: ['intro'],
  Site: ['legalNotice', 'privacyPolicy', 'accessibilityStatement'],
  TrainersCorner: ['programme', 'community'],
  TrainerKit: ['facilitatorGuide'],
};

/** Returns a copy of `data` with every Markdown field rendered by `render` (other values untouched). */
export function renderMarkdownFields<T>(data: T, render: (markdown: string) => string): T {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!value || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    const fields = typeof object.__typename === 'string' ? MARKDOWN_FIELDS[object.__typename] : undefined;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(object)) {
      copy[key] = fields?.includes(key) && typeof field === 'string' ? render(field) : visit(field);
    }
    return copy;
  };
  return visit(data) as T;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Control characters and spaces, which browsers ignore in a URL's scheme.
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * Whether a link or image address from the content may become an `href`/`src`: the site's own
 * paths and anchors, http(s), mailto and tel. Anything else (`javascript:`, `data:`, `vbscript:`…)
 * is shown as plain text instead. `decode` decodes character references as a browser reads an
 * attribute (app/utils/markdown.ts: entities' HTML decoder on the server, the browser's own parser
 * in the browser).
 */
export function isSafeUrl(url: string, decode: (text: string) => string): boolean {
  // The renderer copies character references into the attribute as they are (`javascript&#58;…`,
  // `&#106;avascript:…`) and the browser decodes them before it reads the scheme: so the check
  // reads the address decoded (named, decimal and hex references, with or without `;`), and
  // decoded again while that changes anything (a browser decodes once; more is only stricter).
  let decoded = url;
  for (let pass = 0; pass < 8; pass++) {
    const next = decode(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  // Browsers ignore tabs, newlines and leading control characters and spaces in a scheme
  // ("java\tscript:"): all control characters and spaces go, wherever they are.
  const cleaned = decoded.replace(IGNORED_IN_SCHEME, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme);
}
