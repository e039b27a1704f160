import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets with the repository's own eslint.config.mjs, placed at paths inside each walled area
// (the files need not exist: only the imported files must). Type information plays no part in the
// import rules and no tsconfig lists these paths, so the type-aware rules are switched off here;
// `ignore: false` lets the deliberate cycle under test/lint/fixtures, which `npm run lint` skips, be linted.
const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false, overrideConfig: [tseslint.configs.disableTypeChecked] });

interface Problem {
  ruleId: string | null;
  line: number;
  message: string;
}

async function lint(filePath: string, code: string): Promise<Problem[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message }));
}

function expectOneViolation(problems: Problem[], ruleId: string, line: number, message: string): void {
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ ruleId, line });
  expect(problems[0].message).toContain(message);
}

describe('import boundaries (eslint.config.mjs)', { timeout: 120_000 }, () => {
  describe('(a) libs/scoring imports no framework, database, web or chart code', () => {
    const file = 'libs/scoring/src/lint-probe.ts';

    it('refuses a framework package', async () => {
      const problems = await lint(
        file,
        `import { DateTime } from 'luxon';\nimport { Injectable } from '@nestjs/common';\n\nexport const probe = [DateTime, Injectable];\n`,
      );
      expectOneViolation(problems, '@typescript-eslint/no-restricted-imports', 2, 'libs/scoring is the scoring method as pure functions');
    });

    it('refuses the shared contracts, even as types', async () => {
      // Both walls see it: the package name, and the file under libs/contracts it resolves to.
      const problems = await lint(file, `import type { ScoresResponse } from '@app/contracts';\n\nexport type Probe = ScoresResponse;\n`);
      expect(problems.map((p) => [p.ruleId, p.line])).toEqual([
        ['@typescript-eslint/no-restricted-imports', 1],
        ['import-x/no-restricted-paths', 1],
      ]);
    });

    it('refuses a file of an app reached by a relative path', async () => {
      const problems = await lint(file, `import { AppModule } from '../../../apps/api/src/app.module';\n\nexport const probe = AppModule;\n`);
      expectOneViolation(problems, 'import-x/no-restricted-paths', 1, 'libs/scoring is the scoring method as pure functions');
    });

    it('allows its own files and plain libraries', async () => {
      expect(
        await lint(file, `import { DateTime } from 'luxon';\nimport { parsePeriod } from './period';\n\nexport const probe = [DateTime, parsePeriod];\n`),
      ).toEqual([]);
    });
  });

  describe('(b) libs/charts imports no React, UI kit or server code', () => {
    const file = 'libs/charts/src/lint-probe.ts';

    it('refuses React', async () => {
      const problems = await lint(file, `import { useMemo } from 'react';\n\nexport const probe = useMemo;\n`);
      expectOneViolation(problems, '@typescript-eslint/no-restricted-imports', 1, 'libs/charts builds ECharts options from data');
    });

    it('refuses Node built-ins, with or without the node: prefix', async () => {
      const problems = await lint(
        file,
        `import { readFileSync } from 'node:fs';\nimport { join } from 'path';\n\nexport const probe = [readFileSync, join];\n`,
      );
      expect(problems.map((p) => [p.ruleId, p.line])).toEqual([
        ['import-x/no-nodejs-modules', 1],
        ['import-x/no-nodejs-modules', 2],
      ]);
    });

    it('refuses a server package', async () => {
      const problems = await lint(file, `import { Pool } from 'pg';\n\nexport const probe = Pool;\n`);
      expectOneViolation(problems, '@typescript-eslint/no-restricted-imports', 1, 'libs/charts builds ECharts options from data');
    });

    it('allows ECharts and the scoring library', async () => {
      expect(await lint(file, `import { use } from 'echarts/core';\nimport { GRADES } from '@app/scoring';\n\nexport const probe = [use, GRADES];\n`)).toEqual(
        [],
      );
    });
  });

  describe('(c) apps/web never imports the api, and the scoring library only for its types', () => {
    const file = 'apps/web/src/lint-probe.ts';

    it("refuses the scoring library's runtime code", async () => {
      const problems = await lint(file, `import { parsePeriod } from '@app/scoring';\n\nexport const probe = parsePeriod;\n`);
      expectOneViolation(problems, '@typescript-eslint/no-restricted-imports', 1, 'apps/web may use the scoring types (import type)');
    });

    it('refuses the scoring library reached by a relative path', async () => {
      const problems = await lint(file, `import { parsePeriod } from '../../../libs/scoring/src/period';\n\nexport const probe = parsePeriod;\n`);
      expectOneViolation(problems, '@typescript-eslint/no-restricted-imports', 1, 'apps/web may use the scoring types (import type)');
    });

    it('allows the scoring types', async () => {
      expect(await lint(file, `import type { Period } from '@app/scoring';\n\nexport type Probe = Period;\n`)).toEqual([]);
    });

    it('refuses a file of the api', async () => {
      const problems = await lint(file, `import { AppModule } from '../../api/src/app.module';\n\nexport const probe = AppModule;\n`);
      expectOneViolation(problems, 'import-x/no-restricted-paths', 1, 'apps/web talks to the api over HTTP only');
    });

    it('refuses the api package', async () => {
      const problems = await lint(file, `import type { AppModule } from '@app/api';\n\nexport type Probe = AppModule;\n`);
      expectOneViolation(problems, '@typescript-eslint/no-restricted-imports', 1, 'apps/web talks to the api over HTTP only');
    });
  });

  describe("(d) a module of the api never imports another module's repository", () => {
    const file = 'apps/api/src/modules/insights/lint-probe.ts';

    it("refuses another module's repository", async () => {
      const problems = await lint(file, `import { ScoringRepository } from '../scoring/scoring.repository';\n\nexport const probe = ScoringRepository;\n`);
      expectOneViolation(problems, 'import-x/no-restricted-paths', 1, "through that module's service, never its repository");
    });

    it("allows its own repository and another module's service", async () => {
      const code = `import { ScoringService } from '../scoring/scoring.service';\nimport { InsightsRepository } from './insights.repository';\n\nexport const probe = [ScoringService, InsightsRepository];\n`;
      expect(await lint(file, code)).toEqual([]);
    });
  });

  it('reports an import cycle', async () => {
    const results = await eslint.lintFiles(['test/lint/fixtures/cycle/first.ts']);
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(['import-x/no-cycle']);
  });
});
