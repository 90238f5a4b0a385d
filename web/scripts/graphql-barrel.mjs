// Writes app/graphql/generated.ts: every typed document and type of the per-file modules codegen
// writes (codegen.ts), behind one import path. Names several modules export (the enums and
// helpers each module repeats) come from the first; a page still bundles only the modules whose
// documents it imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(webDir, 'app/graphql/generated.ts');
const modules = process.argv
  .slice(2)
  .filter((file) => file.endsWith('.generated.ts'))
  .sort();
if (!modules.length) throw new Error('graphql-barrel: no generated module given');

const seen = new Set();
const lines = [
  '// Written by scripts/graphql-barrel.mjs after `pnpm codegen`: do not edit.',
  '// The typed documents of every .graphql file, one module per file (codegen.ts).',
];
for (const file of modules) {
  const source = readFileSync(file, 'utf8');
  const names = (kind) =>
    [...source.matchAll(new RegExp(`^export ${kind} (\\w+)`, 'gm'))].map((m) => m[1]).filter((n) => !seen.has(n));
  const values = names('const');
  values.forEach((n) => seen.add(n));
  const types = names('type');
  types.forEach((n) => seen.add(n));
  const from = `./${relative(dirname(target), file).replace(/\\/g, '/').replace(/\.ts$/, '')}`;
  const path = from.startsWith('./..') ? from.slice(2) : from;
  if (values.length) lines.push(`export { ${values.join(', ')} } from '${path}';`);
  if (types.length) lines.push(`export type { ${types.join(', ')} } from '${path}';`);
}
writeFileSync(target, `${lines.join('\n')}\n`);
console.log(
  `[codegen] ${relative(webDir, target)}: ${seen.size} names from ${modules.length} modules (${modules.map((m) => basename(m)).join(', ')})`,
);
