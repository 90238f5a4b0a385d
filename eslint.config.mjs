// ESLint for the repository's own scripts (scripts/): each tower has its own configuration
// (cms/eslint.config.mjs, web/eslint.config.mjs), run by `npm run lint` in its folder.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';

export default defineConfig(
  { ignores: ['cms/', 'web/', '.tools/', '**/node_modules/'] },
  { files: ['**/*.{js,mjs}'], extends: [js.configs.recommended], languageOptions: { globals: globals.node } },
);
