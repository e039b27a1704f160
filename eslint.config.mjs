// @ts-check
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// The architecture's walls (README, "Architecture"). Each rule names the wall it guards in its message,
// so a violation says what to do instead. test/lint/boundaries.test.ts shows each one catching a violation.
const SCORING_MESSAGE = 'libs/scoring is the scoring method as pure functions: no framework, database, web or chart code.';
const CHARTS_MESSAGE = 'libs/charts builds ECharts options from data: no React, no UI kit, no server code.';
const WEB_MESSAGE = 'apps/web talks to the api over HTTP only (shapes come from @app/contracts).';
const WEB_SCORING_MESSAGE = 'apps/web may use the scoring types (import type), not its runtime code: scores are computed by the api.';
const REPOSITORY_MESSAGE = "A module reaches another module's data through that module's service, never its repository.";

const modulesDir = 'apps/api/src/modules';
const moduleNames = readdirSync(join(root, modulesDir), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const repositoryZones = moduleNames
  .map((name) => ({
    target: `${modulesDir}/${name}`,
    from: moduleNames.filter((other) => other !== name).map((other) => `${modulesDir}/${other}/**/*.repository.ts`),
    message: REPOSITORY_MESSAGE,
  }))
  .filter((zone) => zone.from.length > 0);

const serverPackages = ['@nestjs/*', '@mikro-orm/*', '@electric-sql/*', 'pg', 'pg-copy-streams', 'knex', 'express', '@app/api', '@app/api/*'];

export default defineConfig(
  {
    // test/lint/fixtures holds deliberate violations that test/lint/boundaries.test.ts lints on its own.
    ignores: ['**/node_modules/', '**/dist/', 'data/', 'test-results/', 'coverage/', 'apps/web/dist/', 'test/lint/fixtures/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Config files that no tsconfig includes; everything else belongs to tsconfig.json or apps/web/tsconfig.json.
          allowDefaultProject: ['vitest.config.ts'],
        },
        tsconfigRootDir: root,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Without these import-x reads only .js files, so no-cycle would never follow an import into a .ts file.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [join(root, 'tsconfig.json'), join(root, 'apps/web/tsconfig.json')],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // react-router's loaders throw the Response that redirect() returns; that is how it expects a redirect.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'lib', name: 'Response' }] }],
      // The ingest and report code strips and refuses control characters on purpose.
      'no-control-regex': 'off',
      // Chinese report text uses the ideographic space (U+3000) in template literals.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            { target: 'libs/scoring', from: ['apps', 'libs/charts', 'libs/contracts'], message: SCORING_MESSAGE },
            { target: 'libs/charts', from: ['apps'], message: CHARTS_MESSAGE },
            { target: 'apps/web', from: ['apps/api'], message: WEB_MESSAGE },
            ...repositoryZones,
          ],
        },
      ],
    },
  },
  {
    files: ['libs/scoring/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...serverPackages, 'react', 'react/*', 'react-dom', 'react-dom/*', 'antd', 'antd/*', 'echarts', 'echarts/*'],
              message: SCORING_MESSAGE,
            },
            { group: ['@app/contracts', '@app/contracts/*', '@app/charts', '@app/charts/*', '@app/web', '@app/web/*'], message: SCORING_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/charts/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...serverPackages, 'react*', 'echarts-for-react', 'antd', 'antd/*', '@ant-design/*', '@app/web', '@app/web/*'],
              message: CHARTS_MESSAGE,
            },
          ],
        },
      ],
      'import-x/no-nodejs-modules': 'error',
    },
  },
  {
    files: ['apps/web/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@app/scoring', allowTypeImports: true, message: WEB_SCORING_MESSAGE }],
          patterns: [
            { group: ['@app/api', '@app/api/*'], message: WEB_MESSAGE },
            { group: ['@app/scoring/*', '**/libs/scoring/**'], allowTypeImports: true, message: WEB_SCORING_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests, fixtures and benchmarks read untyped HTTP bodies (supertest's `res.body` is `any`) and parsed JSON on
    // purpose; the checks that matter there are the assertions. Production code keeps the full type-aware set.
    files: ['test/**', '**/*.test.ts', '**/test-support/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Assertion messages print whatever they were given; stream fixtures are async generators without awaits.
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The launchers and the build run before anything is compiled: plain CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
