import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LocaleCode } from '../i18n/locales';
import type { Fixture } from './fixtures';

/**
 * The demo kits' files: a handout (A4, portrait) and slides (A4, landscape) per module and
 * language, made at seed time from the module's own fixture (title, summary, theory, practical
 * case, toolbox, licence) with pdf-lib (pure JavaScript: nothing to install beside Node). The
 * standard Helvetica covers the four languages' letters (WinAnsi); anything else becomes "?".
 */
const LABELS: Record<LocaleCode, Record<string, string>> = {
  en: {
    handout: 'Handout',
    slides: 'Slides',
    objectives: 'What you will learn',
    case: 'Practical case',
    toolbox: 'Toolbox',
    licence: 'Licence',
    duration: 'Duration: {h} hours',
    openSource: 'open source',
    credit:
      'Social Tech Academy. This document is under CC BY-SA 4.0: you may share and adapt it, crediting the Social Tech Academy and sharing your version under the same licence.',
    actions: 'My next step',
  },
  fr: {
    handout: 'Fiche',
    slides: 'Diapositives',
    objectives: 'Ce que vous allez apprendre',
    case: 'Cas pratique',
    toolbox: 'Boîte à outils',
    licence: 'Licence',
    duration: 'Durée : {h} heures',
    openSource: 'libre',
    credit:
      'Social Tech Academy. Ce document est sous licence CC BY-SA 4.0 : vous pouvez le partager et l’adapter en citant la Social Tech Academy et en partageant votre version sous la même licence.',
    actions: 'Ma prochaine étape',
  },
  it: {
    handout: 'Dispensa',
    slides: 'Diapositive',
    objectives: 'Che cosa imparerete',
    case: 'Caso pratico',
    toolbox: 'Cassetta degli attrezzi',
    licence: 'Licenza',
    duration: 'Durata: {h} ore',
    openSource: 'open source',
    credit:
      'Social Tech Academy. Questo documento è distribuito con licenza CC BY-SA 4.0: potete condividerlo e adattarlo citando la Social Tech Academy e condividendo la vostra versione con la stessa licenza.',
    actions: 'Il mio prossimo passo',
  },
  es: {
    handout: 'Ficha',
    slides: 'Diapositivas',
    objectives: 'Qué vas a aprender',
    case: 'Caso práctico',
    toolbox: 'Caja de herramientas',
    licence: 'Licencia',
    duration: 'Duración: {h} horas',
    openSource: 'código abierto',
    credit:
      'Social Tech Academy. Este documento tiene licencia CC BY-SA 4.0: puedes compartirlo y adaptarlo citando a la Social Tech Academy y compartiendo tu versión con la misma licencia.',
    actions: 'Mi próximo paso',
  },
};
export const LICENCE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';

interface Block {
  kind: 'h' | 'p' | 'li';
  text: string;
}

/** Markdown of the fixtures (headings, lists, bold, links) as plain blocks. */
export function markdownBlocks(markdown: string | null | undefined): Block[] {
  const blocks: Block[] = [];
  for (const raw of String(markdown ?? '').split('\n')) {
    const line = raw
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
      .trim();
    if (!line) continue;
    if (/^#+\s/.test(line)) blocks.push({ kind: 'h', text: line.replace(/^#+\s*/, '') });
    else if (/^([-*]|\d+\.)\s/.test(line)) blocks.push({ kind: 'li', text: line.replace(/^([-*]|\d+\.)\s*/, '') });
    else blocks.push({ kind: 'p', text: line });
  }
  return blocks;
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    private doc: PDFDocument,
    private fonts: { regular: PDFFont; bold: PDFFont },
    private size: [number, number],
    private margin = 56,
  ) {
    this.newPage();
  }
  get width() {
    return this.size[0] - 2 * this.margin;
  }
  newPage() {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - this.margin;
  }
  /** Only what the standard font can draw. */
  clean(text: string, font: PDFFont) {
    const set = new Set(font.getCharacterSet());
    return [...text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')]
      .map((c) => (set.has(c.codePointAt(0)!) ? c : c === '\u202f' || c === '\u00a0' ? ' ' : '?'))
      .join('');
  }
  lines(text: string, font: PDFFont, size: number, width: number): string[] {
    const words = this.clean(text, font).split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  }
  text(text: string, { size = 11, bold = false, indent = 0, gap = 6, color = rgb(0.1, 0.12, 0.12) } = {}) {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    for (const line of this.lines(text, font, size, this.width - indent)) {
      if (this.y - size < this.margin) this.newPage();
      this.y -= size * 1.35;
      this.page.drawText(line, { x: this.margin + indent, y: this.y, size, font, color });
    }
    this.y -= gap;
  }
  blocks(blocks: Block[], size = 11) {
    for (const block of blocks) {
      if (block.kind === 'h') this.text(block.text, { size: size + 2, bold: true, gap: 4 });
      else if (block.kind === 'li') this.text(`- ${block.text}`, { size, indent: 12, gap: 2 });
      else this.text(block.text, { size });
    }
  }
}

export interface KitModule {
  fixture: Fixture;
  locale: LocaleCode;
}

function toolLines(fixture: Fixture, locale: LocaleCode): string[] {
  const l = LABELS[locale];
  const descriptions: string[] = fixture.locales[locale].toolboxDescriptions ?? [];
  return (fixture.toolbox ?? []).map(
    (tool: { name: string; url: string; isOpenSource?: boolean; licence?: string }, index: number) =>
      `${tool.name} (${tool.url}${tool.isOpenSource ? `, ${l.openSource}` : ''}${tool.licence ? `, ${tool.licence}` : ''})${descriptions[index] ? `: ${descriptions[index]}` : ''}`,
  );
}

const metadata = (doc: PDFDocument, title: string, locale: LocaleCode) => {
  doc.setTitle(title);
  doc.setAuthor('Social Tech Academy');
  doc.setSubject('CC BY-SA 4.0');
  doc.setLanguage(locale);
  doc.setCreator('Social Tech Academy');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
};

/** The handout: everything of the module on a few portrait pages, with room for the reader's next step. */
export async function handoutPdf({ fixture, locale }: KitModule): Promise<Uint8Array> {
  const l = LABELS[locale];
  const m = fixture.locales[locale];
  const doc = await PDFDocument.create();
  metadata(doc, `${m.title} (${l.handout})`, locale);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const w = new Writer(doc, fonts, [595.28, 841.89]);
  w.text(`Social Tech Academy · ${l.handout}`, { size: 10, color: rgb(0.1, 0.3, 0.24) });
  w.text(m.title, { size: 20, bold: true, gap: 8 });
  if (fixture.durationHours) w.text(l.duration.replace('{h}', String(fixture.durationHours)), { size: 10 });
  if (m.summary) w.text(m.summary, { size: 12, gap: 12 });
  w.text(l.objectives, { size: 15, bold: true });
  w.blocks(markdownBlocks(m.theory));
  w.text(l.case, { size: 15, bold: true });
  w.blocks(markdownBlocks(m.practicalCase));
  w.text(l.toolbox, { size: 15, bold: true });
  for (const line of toolLines(fixture, locale)) w.text(`- ${line}`, { indent: 12, gap: 2 });
  w.text(l.actions, { size: 15, bold: true, gap: 60 });
  w.text(`${l.licence}: ${fixture.licence ?? 'CC BY-SA 4.0'} (${LICENCE_URL})`, { size: 10, bold: true });
  w.text(l.credit, { size: 9 });
  return doc.save();
}

/** The slides: one idea per landscape page, large type, to project. */
export async function slidesPdf({ fixture, locale }: KitModule): Promise<Uint8Array> {
  const l = LABELS[locale];
  const m = fixture.locales[locale];
  const doc = await PDFDocument.create();
  metadata(doc, `${m.title} (${l.slides})`, locale);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const size: [number, number] = [841.89, 595.28];
  const w = new Writer(doc, fonts, size, 64);
  w.y -= 120;
  w.text(m.title, { size: 32, bold: true, gap: 16 });
  if (m.summary) w.text(m.summary, { size: 18 });
  w.text(`Social Tech Academy · ${fixture.licence ?? 'CC BY-SA 4.0'}`, { size: 14, color: rgb(0.1, 0.3, 0.24) });
  // One slide per heading of the theory, its first paragraph or list items as the points.
  const sections: Array<{ title: string; points: string[] }> = [];
  for (const block of markdownBlocks(m.theory)) {
    if (block.kind === 'h') sections.push({ title: block.text, points: [] });
    else if (sections.length && sections.at(-1)!.points.length < 5) sections.at(-1)!.points.push(block.text);
  }
  const slide = (title: string, points: string[]) => {
    w.newPage();
    w.text(title, { size: 26, bold: true, gap: 18 });
    for (const point of points)
      w.text(`- ${point.length > 260 ? `${point.slice(0, 257)}...` : point}`, { size: 16, gap: 8 });
  };
  slide(
    l.objectives,
    sections.map((s) => s.title),
  );
  for (const section of sections) slide(section.title, section.points);
  const caseBlocks = markdownBlocks(m.practicalCase);
  slide(
    `${l.case}: ${caseBlocks.find((b) => b.kind === 'h')?.text ?? ''}`,
    caseBlocks
      .filter((b) => b.kind !== 'h')
      .slice(0, 3)
      .map((b) => b.text),
  );
  slide(
    l.toolbox,
    toolLines(fixture, locale).map((line) => line.split(':')[0]!),
  );
  slide(l.licence, [`${fixture.licence ?? 'CC BY-SA 4.0'}: ${LICENCE_URL}`, l.credit]);
  return doc.save();
}

const fileSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/** Uploads the kit's two files for one language; resolves with their media-library ids. */
export async function uploadKitFiles(strapi: Core.Strapi, kit: KitModule): Promise<number[]> {
  const l = LABELS[kit.locale];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'academy-kit-'));
  const ids: number[] = [];
  try {
    const title = kit.fixture.locales[kit.locale].title as string;
    for (const [label, make] of [
      [l.slides, slidesPdf],
      [l.handout, handoutPdf],
    ] as const) {
      const name = `${fileSlug(`${label} ${title}`)}.pdf`;
      const filepath = path.join(dir, name);
      fs.writeFileSync(filepath, await make(kit));
      const [file] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name, caption: `${label}: ${title}`, alternativeText: `${label}: ${title}` } },
          files: { filepath, originalFilename: name, mimetype: 'application/pdf', size: fs.statSync(filepath).size },
        });
      ids.push(file.id);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return ids;
}
