// Typed GraphQL documents from the committed schema (cms/schema.graphql): `pnpm codegen`.
// The output is committed; `node scripts/test.mjs` fails when it drifts from the documents.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../cms/schema.graphql',
  documents: ['app/graphql/**/*.graphql', 'layers/*/app/graphql/**/*.graphql'],
  generates: {
    'app/graphql/generated.ts': {
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
  hooks: { afterAllFileWrite: [] },
};

export default config;
