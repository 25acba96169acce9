// Lint rules: typescript-eslint's recommended set, plus the one house rule that matters most:
// src/core and src/cli never import 'vscode', so the engine stays testable in plain Node; and src/vscode/platform
// (the helpers every feature shares) imports no feature folder.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'sample-corpus/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/worker/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The engine must not depend on vscode.' }] }],
    },
  },
  {
    // The helpers every feature shares (ranges, reveal, texts, settings, the corpus selection) depend on no feature.
    files: ['src/vscode/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        group: ['../annotations/*', '../export/*', '../findings/*', '../suggestions/*', '../tagging/*', '../views/*', '../workers/*'],
        message: 'platform/ holds what every feature shares; it must not import a feature folder.',
      }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'bin/**/*.js', 'bench/**/*.mjs', 'bench/**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
