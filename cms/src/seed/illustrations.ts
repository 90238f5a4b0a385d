/**
 * The demo content's pictures, drawn here (no stock, no image from the internet): SVG generated
 * from the entry itself, so the same entry always gets the same picture.
 *
 * One visual style for all: flat geometric tiles (circles, quarter and half circles, triangles,
 * bars) in the site's greens with a few warm accents, on a plain ground.
 * - a module's cover: a full grid of tiles in its theme's palette;
 * - a job sheet's cover: the same tiles on the left, one large arc on the right;
 * - an interview's portrait placeholder: a stylised, faceless figure (varied skin tones, hair,
 *   headwear, glasses) in front of two tiles; the people of the demo are fictional;
 * - an organisation's placeholder mark: a symmetric 5×5 pattern on a rounded square (no letters:
 *   rasterising text would depend on the fonts installed on the machine).
 *
 * Everything is pure (no I/O): the seed rasterises these SVG to PNG (src/seed/pictures.ts).
 */

type Palette = readonly [string, string, string, string, string];

export const PALETTES: readonly Palette[] = [
  ['#1b4d3e', '#2a9d8f', '#e9c46a', '#f4e3c1', '#f3f6f4'],
  ['#dfe9e3', '#1b4d3e', '#12624a', '#e76f51', '#f4a261'],
  ['#f4e3c1', '#1b4d3e', '#c8553d', '#e0a526', '#2a9d8f'],
  ['#12624a', '#8ecae6', '#f4e3c1', '#e0a526', '#ffffff'],
  ['#c8553d', '#f4e3c1', '#1b4d3e', '#e9c46a', '#ffffff'],
  ['#1d2321', '#2a9d8f', '#e9c46a', '#e76f51', '#f3f6f4'],
  ['#6d597a', '#f4e3c1', '#e9c46a', '#2a9d8f', '#ffffff'],
  ['#e3f0f5', '#1b4d3e', '#2a9d8f', '#e0a526', '#c8553d'],
];

/** FNV-1a: a stable 32-bit hash of a text. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic generator seeded by the entry. */
export function random(seed: string) {
  let a = hash(seed);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export const palette = (key: string): Palette => PALETTES[hash(key) % PALETTES.length]!;

export interface Illustration {
  svg: string;
  width: number;
  height: number;
}

const svg = (width: number, height: number, body: string): Illustration => ({
  width,
  height,
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
});

/** One tile of the shared vocabulary, in the square (x, y, size). */
function tile(x: number, y: number, size: number, rng: ReturnType<typeof random>, colours: readonly string[]): string {
  const fill = rng.pick(colours);
  const other = rng.pick(colours.filter((c) => c !== fill));
  const r = size / 2;
  const cx = x + r;
  const cy = y + r;
  const rotate = `transform="rotate(${rng.int(4) * 90} ${cx} ${cy})"`;
  switch (rng.int(8)) {
    case 0:
      return `<circle cx="${cx}" cy="${cy}" r="${r * 0.8}" fill="${fill}"/>`;
    case 1:
      return `<path d="M${x} ${y}h${size}a${size} ${size} 0 0 1 -${size} ${size}z" fill="${fill}" ${rotate}/>`;
    case 2:
      return `<path d="M${x} ${cy}a${r} ${r} 0 0 1 ${size} 0z" fill="${fill}" ${rotate}/>`;
    case 3:
      return `<path d="M${x} ${y}h${size}v${size}z" fill="${fill}" ${rotate}/>`;
    case 4:
      return `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${fill}"/><circle cx="${cx}" cy="${cy}" r="${r * 0.45}" fill="${other}"/>`;
    case 5:
      return [0, 1, 2]
        .map(
          (i) =>
            `<rect x="${x}" y="${y + (i * size) / 3 + size / 12}" width="${size}" height="${size / 6}" fill="${fill}" ${rotate}/>`,
        )
        .join('');
    case 6:
      return `<circle cx="${cx}" cy="${cy}" r="${r * 0.8}" fill="none" stroke="${fill}" stroke-width="${size / 10}"/>`;
    default:
      return '';
  }
}

/** A module's cover (16:9): a grid of tiles in the palette of the module's theme. */
export function moduleCover(slug: string, themeKey: string): Illustration {
  const p = palette(themeKey);
  const rng = random(`module:${slug}`);
  const size = 160;
  let body = `<rect width="1280" height="720" fill="${p[0]}"/>`;
  for (let row = 0; row < 5; row++)
    for (let col = 0; col < 8; col++)
      if (rng.next() < 0.72) body += tile(col * size, row * size, size, rng, p.slice(1));
  return svg(1280, 720, body);
}

/** A job sheet's cover (16:9): tiles on the left, a large arc on the right. */
export function jobSheetCover(slug: string): Illustration {
  const p = palette(`job:${slug}`);
  const rng = random(`job-sheet:${slug}`);
  const size = 160;
  const accents = p.slice(1);
  const big = rng.pick(accents);
  const ring = rng.pick(accents.filter((c) => c !== big));
  let body = `<rect width="1280" height="720" fill="${p[0]}"/>`;
  body += `<circle cx="${1280 - 160 - rng.int(3) * 40}" cy="${720 - rng.int(3) * 60}" r="440" fill="${big}"/>`;
  body += `<circle cx="1040" cy="${160 + rng.int(3) * 40}" r="120" fill="none" stroke="${ring}" stroke-width="28"/>`;
  for (let row = 0; row < 5; row++)
    for (let col = 0; col < 4; col++) if (rng.next() < 0.8) body += tile(col * size, row * size, size, rng, accents);
  return svg(1280, 720, body);
}

const SKIN = ['#f6d5bf', '#eab896', '#d19a6f', '#a86b47', '#7a4a2e', '#4e2f1f'];
const HAIR = ['#1d1a17', '#3b2a20', '#6b4423', '#a0522d', '#c9a66b', '#8c8c8c'];
const CLOTHES = ['#1b4d3e', '#2a9d8f', '#c8553d', '#e0a526', '#6d597a', '#12624a', '#e76f51'];
export const HAIR_STYLES = ['short', 'long', 'bun', 'curly', 'headscarf', 'shaved'] as const;

/** An interview's portrait placeholder (square): a stylised figure without a face. */
export function portrait(key: string): Illustration & { hair: (typeof HAIR_STYLES)[number]; glasses: boolean } {
  const rng = random(`portrait:${key}`);
  const p = palette(`portrait:${key}`);
  const skin = rng.pick(SKIN);
  const hairColour = rng.pick(HAIR);
  const clothes = rng.pick(CLOTHES.filter((c) => c !== p[0]));
  const hair = HAIR_STYLES[rng.int(HAIR_STYLES.length)]!;
  const glasses = rng.next() < 0.35;
  const back = p.slice(1).filter((c) => c !== clothes);
  let body = `<rect width="800" height="800" fill="${p[0]}"/>`;
  body += tile(0, 0, 320, rng, back) + tile(480, 80, 320, rng, back);
  // Behind the head: long hair, or the scarf's drape.
  if (hair === 'long') body += `<rect x="262" y="230" width="276" height="330" rx="120" fill="${hairColour}"/>`;
  if (hair === 'headscarf') {
    const scarf = rng.pick(CLOTHES.filter((c) => c !== clothes));
    body += `<path d="M250 330a150 150 0 0 1 300 0v190h-300z" fill="${scarf}"/>`;
    body += `<path d="M160 800v-80c0-110 90-170 240-170s240 60 240 170v80z" fill="${clothes}"/>`;
    body += `<circle cx="400" cy="330" r="118" fill="${skin}"/>`;
    body += `<path d="M272 330a128 128 0 0 1 256 0h-30a98 108 0 0 0 -196 0z" fill="${scarf}"/>`;
  } else {
    body += `<rect x="360" y="420" width="80" height="120" rx="30" fill="${skin}"/>`;
    body += `<path d="M160 800v-80c0-110 90-170 240-170s240 60 240 170v80z" fill="${clothes}"/>`;
    body += `<circle cx="400" cy="330" r="118" fill="${skin}"/>`;
    if (hair === 'short' || hair === 'long' || hair === 'bun')
      body += `<path d="M280 320a120 120 0 0 1 240 0c-40-40-100-58-150-44c-40 10-70 28-90 44z" fill="${hairColour}"/>`;
    if (hair === 'bun') body += `<circle cx="400" cy="196" r="46" fill="${hairColour}"/>`;
    if (hair === 'curly')
      for (let i = 0; i < 9; i++) {
        const angle = Math.PI + (i * Math.PI) / 8;
        body += `<circle cx="${(400 + 118 * Math.cos(angle)).toFixed(1)}" cy="${(318 + 110 * Math.sin(angle)).toFixed(1)}" r="40" fill="${hairColour}"/>`;
      }
    if (hair === 'shaved')
      body += `<path d="M286 306a118 118 0 0 1 228 0c-70-30-158-30-228 0z" fill="${hairColour}" opacity="0.45"/>`;
  }
  if (glasses)
    body += `<g fill="none" stroke="#1d2321" stroke-width="8"><circle cx="356" cy="340" r="30"/><circle cx="444" cy="340" r="30"/><path d="M386 340h28"/></g>`;
  return { ...svg(800, 800, body), hair, glasses };
}

/** An organisation's placeholder mark (square): a symmetric pattern, not its official logo. */
export function logoMark(slug: string): Illustration {
  const rng = random(`logo:${slug}`);
  const p = palette(`logo:${slug}`);
  const ground = rng.pick([p[1], p[2]].filter((c) => c !== '#ffffff' && c !== '#f3f6f4'));
  const ink = ['#ffffff', '#f4e3c1', '#f3f6f4'].includes(ground) ? '#1b4d3e' : '#ffffff';
  const circles = rng.next() < 0.5;
  let body = `<rect width="512" height="512" rx="96" fill="${ground}"/>`;
  const cell = 72;
  const origin = 76;
  for (let row = 0; row < 5; row++)
    for (let col = 0; col < 3; col++) {
      if (rng.next() < 0.45) continue;
      for (const c of col === 2 ? [2] : [col, 4 - col]) {
        const x = origin + c * cell;
        const y = origin + row * cell;
        body += circles
          ? `<circle cx="${x + cell / 2}" cy="${y + cell / 2}" r="${cell * 0.42}" fill="${ink}"/>`
          : `<rect x="${x + 4}" y="${y + 4}" width="${cell - 8}" height="${cell - 8}" rx="10" fill="${ink}"/>`;
      }
    }
  return svg(512, 512, body);
}
