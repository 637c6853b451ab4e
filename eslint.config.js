// Lint rules that guard the architecture (see ARCHITECTURE.md): the pure core stays pure and
// packages only depend on what the dependency rule allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const impureModules = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'net', 'child_process'], message: 'The pure core does no I/O.' },
    { group: ['pg', 'ws', 'react', 'react-dom', 'janode', 'fastify', '@electric-sql/*', 'nodemailer'], message: 'The pure core does no I/O.' },
  ],
};
const impureGlobals = [
  { name: 'process', message: 'Config arrives as an argument.' },
  { name: 'console', message: 'The pure core does not log.' },
  { name: 'setTimeout', message: 'Time arrives as an argument.' },
  { name: 'setInterval', message: 'Time arrives as an argument.' },
];
const impureSyntax = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Time arrives as an argument.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time arrives as an argument.' },
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Randomness arrives as an argument (a seeded rng).' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['@tablehop/*/*'], message: 'Import a package through its index only.' }] }],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Nothing imports from server or web; matching and protocol depend on none of our packages.
    files: ['packages/protocol/src/**/*.ts', 'packages/matching/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tablehop/*'], message: 'protocol and matching depend on none of our packages.' }] },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tablehop/server', '@tablehop/server/*', '@tablehop/*/*'], message: 'web may use protocol (and matching for previews) only.' },
          ],
        },
      ],
    },
  },
  {
    // The pure core: matching and every *.logic.ts. No I/O, clock, randomness or env of its own.
    files: ['packages/matching/src/**/*.ts', 'packages/**/*.logic.ts'],
    ignores: ['packages/matching/src/cli.ts', 'packages/matching/src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', impureModules],
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-syntax': ['error', ...impureSyntax],
    },
  },
);
