// Lint for the TypeScript (typescript-eslint's recommended rules) and the GraphQL: the schema in
// schema/ and the map page's operations in src/web/ (graphql-eslint). Formatting is prettier's
// (`npm run format:check`), so no stylistic rule is turned on here.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// Object types without an id of their own (schema-ids.json): `valueTypes` are values (Money,
// PageInfo, ...) and answers computed per request (scores, reports, splits), which no client
// refetches by id; a cache keeps them inside the object or root field that returned them (DealEvent
// is an entry of a deal's history, read only through Deal.history). `extendedIdTypes` are stored
// relationships whose `id` and Node come from an extension in schema/relay.graphql. `wrapperSuffixes`
// name the per-request wrappers of a page or a write's answer (Relay's connection and payload conventions).
const schemaIds = JSON.parse(readFileSync(new URL('./schema-ids.json', import.meta.url), 'utf8'));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'neo4j/lib/',
      'neo4j/target/',
      '.data/',
      'dist/',
      'coverage/',
      'src/generated/',
      'src/web/gql/',
      'test/clients/relay/__generated__/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (a signature's shape, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests read GraphQL answers as untyped JSON and assert their shape: there `any` is the
    // honest type of a response, and the assertions, not the compiler, check it.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // The page's operations are written in gql`` tags: lint them as documents against the schema
  // (graphql.config.json names both).
  { files: ['src/web/**/*.ts'], processor: graphqlPlugin.processor },
  {
    files: ['schema/**/*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      // The schema writes every description as one "quoted line"; keep that one style.
      '@graphql-eslint/description-style': ['error', { style: 'inline' }],
      // schema-recommended asks for descriptions on types and root fields; every field, argument,
      // input field and enum value gets one too (issue #16), so a client's tooling documents them all.
      // `alphabetize` is not turned on: fields stay in the order that reads best (id, name, ... lists).
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
          OperationDefinition: false,
        },
      ],
      // Every object type has an `id: ID!` (global object identification, issue #16), except the
      // values and computed answers listed in schema-ids.json and the per-request wrappers
      // (connections, edges, payloads). The rule reads each definition alone, so the stored
      // relationships whose id and Node come from `extend type … implements Node` in relay.graphql
      // are named here too; test/schema-ids.test.ts checks the merged schema: each of them has
      // `id: ID!` and implements Node, and every other object type outside the lists does too.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: { types: [...schemaIds.valueTypes, ...schemaIds.extendedIdTypes], suffixes: schemaIds.wrapperSuffixes },
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: graphqlPlugin.configs['flat/operations-recommended'].rules,
  },
);
