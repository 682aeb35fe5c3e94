// Lint for the TypeScript (typescript-eslint's recommended rules) and the GraphQL: the schema in
// schema/ and the map page's operations in src/web/ (graphql-eslint). Formatting is prettier's
// (`npm run format:check`), so no stylistic rule is turned on here.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      // An id on every object type is global object identification (issue #16: Node, ids for
      // accounts, holdings, participations); until it lands, value types without ids are allowed.
      '@graphql-eslint/strict-id-in-types': 'off',
    },
  },
  {
    files: ['src/web/**/*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: graphqlPlugin.configs['flat/operations-recommended'].rules,
  },
);
