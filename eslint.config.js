import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];

/** Process boundaries, enforced by lint rather than by memory (as Signal-Desktop does). */
const forbid = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const boundaries = [
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      { group: ['electron', ...nodeModules], message: 'shared/ runs in the renderer too: no electron, no Node modules.' },
      { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: forbid(
      { group: ['electron', ...nodeModules], message: 'The renderer reaches the system only through window.api.' },
      { group: ['**/main/**'], message: 'The renderer never imports main-process code; use the contract in shared/.' },
    ),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: forbid(
      { group: ['electron'], message: 'Domain modules run in plain Node: only main/shell/ may import electron.' },
      { group: ['**/renderer/**'], message: 'The main process never imports renderer code.' },
    ),
  },
  {
    files: ['tests/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['e2e/electron/**'],
    rules: forbid({ group: ['electron'], message: 'Tests run without Electron; only e2e/electron/ drives it.' }),
  },
];

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.test-output/**', '.demo-data/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Typed rules: a promise nobody awaits, a promise where a callback's result is ignored, a switch that forgets
    // a member of a union. Types come from the tsconfigs (the project service finds each file's own).
    files: ['**/*.{ts,tsx}'],
    // The benchmark's blank page is a baseline outside every tsconfig.
    ignores: ['bench/blank/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn', 'log'] }],
    },
  },
  ...boundaries,
);
