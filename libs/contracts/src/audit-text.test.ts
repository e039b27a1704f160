import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, describeActor, describeAuditEntry } from './audit-text';

const API = join(__dirname, '..', '..', '..', 'apps', 'api', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every action the API audits: the literal ones, and the two built from a value. */
function auditedActions(): string[] {
  const found = new Set<string>();
  for (const file of sources(API)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.record\([^,]+,\s*(?:created \? )?'([a-z0-9_.]+)'(?:\s*:\s*'([a-z0-9_.]+)')?/g)) {
      found.add(m[1]);
      if (m[2]) found.add(m[2]);
    }
    // Sign-ins pass their action along: openSignIn(user, client, 'auth.login').
    for (const m of text.matchAll(/openSignIn\([^)]*'(auth\.[a-z_0-9]+)'\)/g)) found.add(m[1]);
  }
  for (const status of ['accepted', 'rejected']) found.add(`appeal.${status}`);
  for (const kind of ['departments', 'catalog', 'calendar']) found.add(`master_data.import.${kind}`);
  return [...found].sort();
}

describe('audit entries as sentences', () => {
  it('has a sentence in both languages for every action the API audits', () => {
    const actions = auditedActions();
    expect(actions.length).toBeGreaterThan(30);
    expect(actions.filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
    for (const a of actions) {
      expect(AUDIT_ACTIONS[a].zh, a).toMatch(/[\u4e00-\u9fff]/);
      expect(AUDIT_ACTIONS[a].en, a).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says who in words and labels the details', () => {
    expect(describeActor('user:inspector', 'zh')).toBe('用户 inspector');
    expect(describeActor('cli:root', 'en')).toBe('command line (root)');
    expect(describeActor('system:demo', 'zh')).toBe('系统（演示数据）');
    const entry = { actor: 'user:inspector', action: 'period.publish', target: '2026-10', detail: { schemeVersion: 2, asOf: '2026-11-06T00:00:00+08:00' } };
    expect(describeAuditEntry(entry, 'zh')).toEqual({
      sentence: '用户 inspector 发布了 2026-10 考核结果',
      details: [
        { label: '方案版本', value: '2' },
        { label: '计算时点', value: '2026-11-06T00:00:00+08:00' },
      ],
    });
    expect(describeAuditEntry({ ...entry, action: 'unknown.thing', detail: null }, 'en').sentence).toBe('user inspector · unknown.thing · 2026-10');
  });
});
