import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', '.testbed/', 'tmp/', 'test/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // plain JavaScript (scripts/, config files) runs on Node; TypeScript files get their globals from tsc
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
