// Lint rules the house keeps: typed checks that catch lost promises, no console (log through
// pino), imports in a stable order. Formatting is Prettier's job, so its rules are off here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-artifacts/', '.data/', 'templates/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'no-console': 'error',
      // The service finds and removes control characters in people's input on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    // `as never` silences every type error at once (it was how route handlers got past hapi's types):
    // type the route with `route<{ Params; Payload; Query }>()` or `pageFailAction`, or name the real type.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword',
          message: 'No `as never`: type the route (route<{ Payload }>(), pageFailAction) or name the real type.',
        },
        {
          selector: 'TSTypeAssertion > TSNeverKeyword',
          message: 'No `<never>`: type the route (route<{ Payload }>(), pageFailAction) or name the real type.',
        },
      ],
    },
  },
  {
    // Scripts and tests may print to the terminal: that is their output.
    files: ['test/**', 'scripts/**', 'seeds/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
  // After Prettier's config, which turns max-len off: Prettier does not break long strings or comments.
  {
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
);
