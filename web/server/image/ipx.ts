import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  defineEventHandler,
  getRequestHeader,
  send,
  setResponseHeader,
  setResponseHeaders,
  setResponseStatus,
} from 'h3';
import { createIPX, type IPXStorage } from 'ipx';
import { cmsUrl } from '../utils/cms';
import { plainNotFound } from '../utils/not-found';

// The site's image service at /_ipx (the URLs @nuxt/image's `ipx` provider writes): a CMS upload
// resized and converted to AVIF, WebP or PNG/JPEG by IPX (sharp), from the site's own origin.
//
// - Sources are the CMS's uploads, read over HTTP from NUXT_CMS_URL (runtime config, as the
//   /uploads proxy): images only, the extension and the CMS's type agreeing.
// - Output is always a raster image in the format the URL names: an SVG upload is rasterised,
//   never served as SVG from here (an SVG can carry script; the /uploads proxy keeps its own rules).
// - Only the modifiers the site's pages use (format, width, size, quality), widths capped: a
//   crafted URL cannot make the server encode arbitrary variants.
// - Every variant is encoded once and kept on disk (NUXT_IMAGE_CACHE_DIR, default in the system's
//   temporary folder), keyed by the upload and the modifiers; after IMAGE_REVALIDATE_S the CMS is
//   asked whether the upload changed (a conditional request, no body when it did not). Concurrent
//   requests for the same variant wait for one encoding.
const SOURCES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};
const OUTPUTS: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
};
const MAX_DIMENSION = 2560;
const FILE_PATH = /^(?:[\w-]+\/)*[\w.-]+\.([A-Za-z0-9]+)$/;
const REVALIDATE_MS = Number(process.env.IMAGE_REVALIDATE_S ?? 300) * 1000;

type Modifiers = { f: string; w?: string; h?: string; s?: string; q?: string };

/** `f_avif&w_640` (the ipx provider's syntax) into checked modifiers, or null. */
export function parseModifiers(text: string): Modifiers | null {
  const modifiers: Record<string, string> = {};
  for (const part of text.split(/[&,]/)) {
    const [key, value = ''] = part.split('_', 2) as [string, string?];
    if (!key || key in modifiers) return null;
    modifiers[key] = value;
  }
  const { f, w, h, s, q, ...rest } = modifiers;
  if (Object.keys(rest).length || !f || !OUTPUTS[f]) return null;
  const dimension = (v: string | undefined) =>
    v === undefined || (/^\d{1,4}$/.test(v) && +v >= 1 && +v <= MAX_DIMENSION);
  if (!dimension(w) || !dimension(h)) return null;
  if (s !== undefined && !/^\d{1,4}x\d{1,4}$/.test(s)) return null;
  if (s !== undefined && !s.split('x').every((v) => dimension(v))) return null;
  if (q !== undefined && !(/^\d{1,3}$/.test(q) && +q >= 1 && +q <= 100)) return null;
  return { f: f === 'jpg' ? 'jpeg' : f, w, h, s, q };
}

type Source = { data: Buffer; etag: string | null; lastModified: string | null };
// The source of each encoding under way, by a key of its own (IPX reads it through `storage`).
const current = new Map<string, Buffer>();
let sequence = 0;
const storage: IPXStorage = {
  name: 'cms-upload',
  getMeta: () => ({}),
  // IPX hands the id back with a leading slash.
  getData: (id) => current.get(id.replace(/^\/+/, '')),
};
const ipx = createIPX({ storage, maxOutputDimension: MAX_DIMENSION });
const inFlight = new Map<string, Promise<Variant | null>>();

type Variant = { file: string; type: string; etag: string; encoded: boolean };
type Meta = {
  sourceEtag: string | null;
  sourceLastModified: string | null;
  encodedAt: number;
  checkedAt: number;
  type: string;
};

function cacheDir() {
  return process.env.NUXT_IMAGE_CACHE_DIR || path.join(os.tmpdir(), 'social-tech-academy-images');
}

async function fetchSource(file: string, meta?: Meta): Promise<Source | 'unchanged' | 'unreachable' | null> {
  const headers: Record<string, string> = {};
  if (meta?.sourceEtag) headers['if-none-match'] = meta.sourceEtag;
  else if (meta?.sourceLastModified) headers['if-modified-since'] = meta.sourceLastModified;
  const response = await fetch(`${cmsUrl()}/uploads/${file}`, { headers, redirect: 'manual' }).catch(() => null);
  if (!response) return 'unreachable';
  if (response.status === 304 && meta) return 'unchanged';
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const extension = FILE_PATH.exec(file)![1]!.toLowerCase();
  if (response.status !== 200 || type !== SOURCES[extension]) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  return {
    data: Buffer.from(await response.arrayBuffer()),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}

async function variant(file: string, modifiers: Modifiers): Promise<Variant | null> {
  const key = createHash('sha256')
    .update(`${file}\n${JSON.stringify(modifiers)}`)
    .digest('hex')
    .slice(0, 32);
  const dir = path.join(cacheDir(), key.slice(0, 2));
  const data = path.join(dir, key);
  const metaFile = `${data}.json`;
  const meta = await fs
    .readFile(metaFile, 'utf8')
    .then((text) => JSON.parse(text) as Meta)
    .catch(() => undefined);
  const result = (m: Meta, encoded = false): Variant => ({
    file: data,
    type: m.type,
    etag: `"${key}-${m.encodedAt.toString(36)}"`,
    encoded,
  });
  if (meta && Date.now() - meta.checkedAt < REVALIDATE_MS) return result(meta);

  const source = await fetchSource(file, meta);
  // The CMS down: the copy kept is served until it answers again (as the page cache's stale-if-error).
  if (source === 'unreachable') return meta ? result(meta) : null;
  if (source === 'unchanged') {
    const checked = { ...meta!, checkedAt: Date.now() };
    await fs.writeFile(metaFile, JSON.stringify(checked)).catch(() => {});
    return result(checked);
  }
  if (!source) return null;
  const sourceId = `${++sequence}/${file}`;
  current.set(sourceId, source.data);
  try {
    const { data: output, format } = await ipx(sourceId, {
      f: modifiers.f,
      ...(modifiers.w ? { w: modifiers.w } : {}),
      ...(modifiers.h ? { h: modifiers.h } : {}),
      ...(modifiers.s ? { s: modifiers.s } : {}),
      ...(modifiers.q ? { q: modifiers.q } : {}),
    }).process();
    const type = OUTPUTS[String(format)] ?? OUTPUTS[modifiers.f]!;
    if (typeof output === 'string') return null;
    const fresh: Meta = {
      sourceEtag: source.etag,
      sourceLastModified: source.lastModified,
      encodedAt: Date.now(),
      checkedAt: Date.now(),
      type,
    };
    await fs.mkdir(dir, { recursive: true });
    const temporary = `${data}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await fs.writeFile(temporary, output);
    await fs.rename(temporary, data);
    await fs.writeFile(`${temporary}.json`, JSON.stringify(fresh));
    await fs.rename(`${temporary}.json`, metaFile);
    return result(fresh, true);
  } finally {
    current.delete(sourceId);
  }
}

export default defineEventHandler(async (event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return plainNotFound(event);
  const started = performance.now();
  const rest = (event.path.split('?')[0] ?? '').replace(/^\/_ipx\//, '');
  const slash = rest.indexOf('/');
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return '';
    }
  };
  const modifiers = slash > 0 ? parseModifiers(decode(rest.slice(0, slash))) : null;
  const file = slash > 0 ? decode(rest.slice(slash + 1)).replace(/^\/+/, '') : '';
  const extension = FILE_PATH.exec(file)?.[1]?.toLowerCase();
  if (!modifiers || !extension || !SOURCES[extension] || file.split('/').some((s) => s.startsWith('.')))
    return plainNotFound(event);

  const id = `${file}\n${JSON.stringify(modifiers)}`;
  let pending = inFlight.get(id);
  if (!pending) {
    pending = variant(file, modifiers).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  const found = await pending.catch((error) => {
    console.error(`[image] ${file} (${JSON.stringify(modifiers)}): ${(error as Error).message}`);
    return null;
  });
  if (!found) return plainNotFound(event);

  setResponseHeaders(event, {
    'content-type': found.type,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'public, max-age=3600, stale-while-revalidate=86400',
    etag: found.etag,
    // How this answer was made (encoded now, or read from the cache) and how long it took.
    'server-timing': `image;desc="${found.encoded ? 'encoded' : 'cached'}";dur=${(performance.now() - started).toFixed(1)}`,
  });
  if (getRequestHeader(event, 'if-none-match') === found.etag) {
    setResponseStatus(event, 304);
    return send(event, '');
  }
  const body = await fs.readFile(found.file).catch(() => null);
  if (!body) return plainNotFound(event);
  setResponseHeader(event, 'content-length', body.length);
  if (event.method === 'HEAD') return send(event, '');
  return send(event, body);
});
