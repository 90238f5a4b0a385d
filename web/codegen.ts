// Typed GraphQL documents from the committed schema (cms/schema.graphql): `pnpm codegen`.
// The output is committed; `node scripts/test.mjs` fails when it drifts from the documents.
//
// One module per document file (`jobSheet.graphql` → `jobSheet.generated.ts`, codegen's
// near-operation-file preset), re-exported by `generated.ts`: a page's chunk then holds only its own
// documents (and the layout only `locales.graphql`'s and `site.graphql`'s), where one module of
// every document made each page download all of them with its first load.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../cms/schema.graphql',
  documents: ['app/graphql/**/*.graphql', 'layers/*/app/graphql/**/*.graphql'],
  generates: {
    'app/graphql/types.ts': {
      plugins: ['typescript'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown', I18NLocaleCode: 'string', ID: 'string' },
      },
    },
    '.': {
      preset: 'near-operation-file',
      presetConfig: { extension: '.generated.ts', baseTypesPath: '~~/graphql/types' },
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: false,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown', I18NLocaleCode: 'string', ID: 'string' },
        dedupeFragments: true,
      },
    },
  },
  // generated.ts: the modules behind one import path (scripts/graphql-barrel.mjs).
  hooks: { afterAllFileWrite: ['node scripts/graphql-barrel.mjs'] },
};

export default config;
