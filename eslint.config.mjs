// ESLint flat config: typescript-eslint's recommended rules, no `any`, everywhere but generated output.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'plots/', 'coverage/', 'dist/', 'build/', '.stage-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // the stubs take their parameters (and import helpers) for the student to use
    files: ['exercises/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
