import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLoginsTable } from './demo-seed.service';

/** The README's demo logins: role and `username` / `password`. */
function readmeLogins(): { role: string; username: string; password: string }[] {
  const readme = readFileSync(join(__dirname, '../../../../../README.md'), 'utf8');
  return [...readme.matchAll(/^\| ([^|]+?) +\| `([^`]+)` \/ `([^`]+)` +\|$/gm)].map(([, role, username, password]) => ({ role, username, password }));
}

describe('the demo logins printed when seeding ends', () => {
  it("are the README's table, aligned on a terminal where Chinese characters take two columns", () => {
    const logins = readmeLogins();
    expect(logins.map((l) => l.username)).toEqual(['leader', 'inspector', 'admin', 'psb', 'cab']);
    const lines = demoLoginsTable(logins).split('\n');
    expect(lines[0]).toMatch(/^\| role +\| username +\| password +\|$/);
    expect(lines).toHaveLength(2 + logins.length);
    expect(lines[3]).toMatch(/^\| inspector 督查 +\| inspector \| Ducha-Demo-2026 +\|$/);
    const columns = (line: string) => [...line].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    expect(new Set(lines.map(columns)).size).toBe(1);
  });
});
