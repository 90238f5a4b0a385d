// ESLint for the CMS (`pnpm --filter cms lint`): typescript-eslint's recommended rules on the
// TypeScript (server, admin panel, tests) and ESLint's on the scripts; the registration texts'
// keys sorted. Formatting is Prettier's (the root .prettierrc.json), not a lint rule.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import jsonc from 'eslint-plugin-jsonc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'build/', '.cache/', '.tmp/', '.strapi/', 'public/', 'types/generated/'] },
  { files: ['**/*.{js,mjs,ts,tsx}'], extends: [js.configs.recommended] },
  { files: ['**/*.{ts,tsx}'], extends: [tseslint.configs.recommended] },
  { files: ['**/*.{js,mjs}', 'config/**', 'src/**', 'tests/**'], languageOptions: { globals: globals.node } },
  { files: ['src/admin/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // `_`-prefixed parameters say "unused on purpose" (a resolver's parent, a callback's index).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Test code reads untyped GraphQL answers and Strapi's rows.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The texts of the registration flow (errors, mails, admin errors) in every locale: keys sorted.
    files: ['src/api/registration/messages/*.json'],
    plugins: { jsonc },
    language: 'jsonc/x',
    rules: { 'jsonc/sort-keys': 'error' },
  },
);
