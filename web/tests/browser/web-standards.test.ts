import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteDocuments, type SiteDocument } from './documents';

// The site against the web's standards, as the outside audit checked it (issue 9, findings 13-15):
// the W3C Nu HTML Checker on every kind of document in every language and state.

let documents: SiteDocument[];
beforeAll(async () => {
  documents = await siteDocuments();
}, 300_000);

/** A message of the Nu HTML Checker (`--format json`). */
interface NuMessage { type: 'error' | 'info' | 'non-document-error'; subType?: string; url?: string; lastLine?: number; firstColumn?: number; message: string; extract?: string }

/** Validates every document in one run of the Nu HTML Checker (vnu-jar, on the machine's Java). */
function nuCheck(docs: SiteDocument[]): { doc: SiteDocument; message: NuMessage }[] {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const dir = mkdtempSync(join(tmpdir(), 'nu-check-'));
  try {
    const files = docs.map((doc, index) => {
      const file = join(dir, `${String(index).padStart(4, '0')}.html`);
      writeFileSync(file, doc.body);
      return file;
    });
    const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const result = spawnSync(java, ['-jar', jar, '--format', 'json', '--stdout', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error || result.status !== 0) throw new Error(`the Nu HTML Checker did not run (a Java runtime is needed: Debian's default-jre-headless): ${result.error ?? result.stderr}`);
    const { messages } = JSON.parse(result.stdout) as { messages: NuMessage[] };
    return messages.map((message) => ({ doc: docs[Number(/(\d{4})\.html$/.exec(message.url ?? '')?.[1] ?? -1)]!, message }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('HTML (W3C Nu HTML Checker)', () => {
  it('finds no error and no warning in any document type, language or state', () => {
    // The set is what it should be: every kind of document, in every language.
    expect(documents.length).toBeGreaterThan(150);
    const found = nuCheck(documents)
      .filter(({ message }) => message.type !== 'info' || message.subType === 'warning')
      .map(({ doc, message }) => `${doc ? `${doc.label} ${doc.path}` : message.url}:${message.lastLine}:${message.firstColumn}: ${message.subType ?? message.type}: ${message.message} [${message.extract?.trim() ?? ''}]`);
    expect(found).toEqual([]);
  }, 300_000);
});

