// ESLint for the site (`pnpm --filter web lint`): the Nuxt flat config that @nuxt/eslint writes
// into .nuxt/ (Vue, TypeScript, Nuxt's auto-imports), and the UI strings' keys sorted.
// Formatting is Prettier's (the root .prettierrc.json), not a lint rule.
import prettier from 'eslint-config-prettier/flat';
import jsonc from 'eslint-plugin-jsonc';
import withNuxt from './.nuxt/eslint.config.mjs';

export default withNuxt(
  { ignores: ['.output/', '.output-test/', 'app/graphql/generated.ts', 'app/graphql/types.ts', '**/*.generated.ts'] },
  {
    // Browser tests reach into the page's untyped globals (the Vue app, test markers).
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // UI strings in every locale: keys sorted, so that the four files line up.
    files: ['i18n/locales/*.json', 'layers/*/i18n/locales/*.json'],
    plugins: { jsonc },
    language: 'jsonc/x',
    rules: { 'jsonc/sort-keys': 'error' },
  },
  // Last: off with every rule about layout, which Prettier owns (Vue's attribute line breaks…).
  prettier,
);
