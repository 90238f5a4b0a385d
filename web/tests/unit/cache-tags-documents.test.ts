import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, parse, TypeInfo, visit, visitWithTypeInfo, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

// The page cache purges a page by the entries it rendered (shared/cache-tags.ts reads their
// `documentId`): every selection of an entry in the site's documents must ask for it, or a change of
// that entry would not reach the pages showing it. `localizations` are the same entry.
const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../../cms/schema.graphql'), 'utf8'));
const ENTRY_TYPES = new Set([
  'Module',
  'JobSheet',
  'Interview',
  'Organisation',
  'TrainingSession',
  'Competence',
  'Theme',
  'Audience',
  'TrainerKit',
  'TrainersCorner',
]);
const dir = join(import.meta.dirname, '../../app/graphql');

describe("the site's GraphQL documents", () => {
  it('ask for the documentId of every entry they select, so the page cache can be purged by it', () => {
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const document = parse(text);
    const missing: string[] = [];
    let checked = 0;
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node, _key, parent) {
          const type = typeInfo.getParentType() as GraphQLObjectType | null;
          if (!type || !ENTRY_TYPES.has(type.name)) return;
          const field =
            parent && !Array.isArray(parent) && 'kind' in parent && parent.kind === 'Field' ? parent.name.value : '';
          if (field === 'localizations') return;
          checked++;
          const fields = new Set(node.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])));
          const spreads = node.selections.some((s) => s.kind === 'FragmentSpread');
          if (!fields.has('documentId') && !spreads) missing.push(`${type.name} under ${field || 'a fragment'}`);
        },
      }),
    );
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
    expect(getNamedType(schema.getType('Module')!)).toBeTruthy();
  });
});
