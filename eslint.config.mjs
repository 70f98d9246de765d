// Strict, type-aware lint. Run with --max-warnings 0 (npm run lint).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'eslint.config.mjs', 'jest.config.js', '.dependency-cruiser.cjs', 'jest.browser.config.js', 'scripts/copy-assets.mjs', 'test/contract/typed-client/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // The unit of work is passed by hand: an AsyncLocalStorage turns on promise hooks that cost every promise (docs/performance.md, seventh round).
      'no-restricted-imports': ['error', { paths: ['node:async_hooks', 'async_hooks'].map((name) => ({ name, importNames: ['AsyncLocalStorage', 'createHook'], message: 'Pass the UnitOfWork (or the Acting caller) instead.' })) }],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The dashboard's browser scripts and the examples: plain ES modules, linted without type information.
    files: ['src/dashboard/public/**/*.js', 'examples/**/*.js', 'examples/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: 'module', parserOptions: { projectService: false } },
  },
);
