// Lint rules that guard the architecture as well as style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const edgePackages = ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify', 'restify-*', 'pg', 'better-sqlite3', 'ws'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'test/artifacts/**', 'teams/build/**', 'bot/web/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
        document: 'readonly',
        window: 'readonly',
        localStorage: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The core is pure: it takes text and time in and gives data out.
    files: ['scenarios/**/*.ts', 'evaluators/**/*.ts', 'lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: edgePackages, message: 'The core (scenarios/, evaluators/) must not import the edge: move this into bot/.' },
            { group: ['**/bot/**', '../bot/*', '../../bot/*'], message: 'The core must not import bot/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests never land.' }],
    },
  },
);
