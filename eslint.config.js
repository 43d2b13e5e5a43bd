// Lint: TypeScript rules, a hard 300-line cap per file, short functions, no console outside the CLI, and
// process.env only in src/config.ts. Import direction and cycles are checked by dependency-cruiser
// (.dependency-cruiser.cjs), which `npm run lint` runs right after this.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'data/**', 'coverage/**', 'test/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.name='process'][property.name='env']",
        message: 'Only src/config.ts reads process.env; take settings as parameters.',
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      'no-console': 'error',
    },
  },
  { files: ['src/cli/**/*.ts', 'src/cli.ts'], rules: { 'no-console': 'off' } },
  { files: ['src/config.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['bin/**/*.js', '*.js', '*.cjs'], languageOptions: { globals: { process: 'readonly', module: 'writable' } } },
);
