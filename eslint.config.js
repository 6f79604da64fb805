// @ts-check
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The JavaScript and TypeScript rules are for code: the GraphQL schema has its own parser and
// rules (below), and a rule of these would fail on its syntax tree.
const CODE = ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'];
/** `config` limited to code files, unless it names its own files. */
const forCode = (/** @type {import('eslint').Linter.Config} */ config) => ({
  ...config,
  files: config.files ?? CODE,
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.ci-results/',
      'src/graphql/generated/',
      'examples/chat/src/gql/',
      'examples/chat/dist/',
      'bench/results/',
      '.ballast/',
      '.test-cache/',
      'dist/',
      '.ci-node/',
    ],
  },
  ...[js.configs.recommended, ...tseslint.configs.recommended].map(forCode),
  {
    files: CODE,
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // The chat example runs in the browser (its own tsconfig has the DOM library).
  {
    files: ['examples/chat/src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['bench/**', 'scripts/**', 'test/**', 'eval/**', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
  // The schema is the frontend's contract: every type, field, argument, input field and enum
  // value says what it is. `npm test` checks the same (test/unit/graphql/schema-described.test.ts).
  {
    files: ['schema/**/*.graphql'],
    languageOptions: { parser: graphql.parser },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          OperationDefinition: false,
        },
      ],
    },
  },
);
