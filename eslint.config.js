// Lint rules that guard the architecture as well as style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const edgePackages = ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify', 'restify-*', 'pg', 'better-sqlite3', 'ws'];
/** Threads and processes are started at the edge (cli/, bot/), never in the core. */
const processModules = ['worker_threads', 'node:worker_threads', 'child_process', 'node:child_process'];
/** Each core layer has one door; what lies behind it is reached only from inside. */
const behindScenarioDoor = {
  group: ['**/scenarios/*', '!**/scenarios/index.ts'],
  message: 'Use the door: import from scenarios/index.ts.',
};
const behindEvaluatorDoor = {
  group: ['**/evaluators/*', '**/evaluators/**/*', '!**/evaluators/index.ts'],
  message: 'Use the door: import from evaluators/index.ts.',
};
const testHelpers = {
  group: ['**/testing/*', '**/testing/**/*', '**/test/**'],
  message: 'testing/ and test/ hold helpers for tests; product code must not depend on them.',
};
const edgeFolders = { group: ['**/bot/**', '**/cli/**'], message: 'The core must not import the edge (bot/, cli/).' };
const scenarioFolder = { group: ['**/scenarios/**'], message: 'evaluators/ sits below scenarios/ and must not import it.' };
const coreFolders = { group: ['**/scenarios/**', '**/evaluators/**'], message: 'lib/ is shared by both cores and imports neither.' };
const restrict = (...patterns) => [
  'error',
  {
    paths: processModules.map((name) => ({ name, message: 'worker_threads and child_process belong to the edge (cli/, bot/).' })),
    patterns,
  },
];
const restrictEdge = (...patterns) => ['error', { patterns }];

const literalImport = {
  selector: 'ImportExpression[source.type!="Literal"]',
  message: 'import() takes a literal specifier: every edge must be visible.',
};
const deepDynamicImport = {
  selector: 'ImportExpression[source.value=/(^|\\/)(scenarios|evaluators)\\/(?!index\\.ts$)/]',
  message: 'Use the door: import() scenarios/index.ts or evaluators/index.ts.',
};

/** Files only tests run: helpers in testing/ folders and test/, and the tests themselves. */
const testFiles = ['**/*.test.ts', '**/testing/**', 'test/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.stryker-tmp/**',
      'reports/**',
      'data/**',
      'dist/**',
      'test/artifacts/**',
      'teams/build/**',
      'bot/web/vendor/**',
    ],
  },
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
      // Every import names its module literally, so tsc, this lint and the purity test see every edge.
      'no-restricted-syntax': ['error', literalImport],
    },
  },
  {
    // The edge reaches the core only through its doors, type-only imports included.
    files: ['bot/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictEdge(behindScenarioDoor, behindEvaluatorDoor, testHelpers),
      'no-restricted-syntax': ['error', literalImport, deepDynamicImport],
    },
  },
  {
    // The core is pure: it takes text and time in and gives data out.
    files: ['scenarios/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: edgePackages, message: 'The core (scenarios/, evaluators/) must not import the edge: move this into bot/.' },
        edgeFolders,
        behindEvaluatorDoor,
        testHelpers,
      ),
    },
  },
  {
    files: ['evaluators/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: edgePackages, message: 'The core (scenarios/, evaluators/) must not import the edge: move this into bot/.' },
        edgeFolders,
        scenarioFolder,
        testHelpers,
      ),
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: edgePackages, message: 'lib/ is shared by the core and must not import the edge.' },
        edgeFolders,
        coreFolders,
        testHelpers,
      ),
    },
  },
  {
    // Tests and their helpers may reach behind the doors to test what is there.
    files: testFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests never land.' },
        literalImport,
      ],
    },
  },
);
