import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'tests/e2e/.artifacts/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a const object or union: main/ and preload/ run under Node type stripping.' },
        { selector: 'TSParameterProperty', message: 'Parameter properties are not erasable syntax.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'better-sqlite3', 'pdfmake', 'pdfmake/*', 'exceljs'], message: 'The renderer has no Node: talk to main through window.api only.' },
            { group: ['**/main/**', '../../main/*', '../../../main/*'], message: 'The renderer must not import main-process code.' },
            { group: ['**/preload/index*'], message: 'Import the contract, never the preload entry.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'better-sqlite3', 'node:fs', 'node:fs/*', 'fs', 'pdfmake'], message: 'main/domain is pure: no electron, database or file system.' }] },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The domain never reads the clock: pass now in.' }],
    },
  },
);
