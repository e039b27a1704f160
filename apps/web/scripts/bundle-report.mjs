// Gzipped JS each entry point pulls in: the entry from index.html plus the static imports of a
// lazily loaded route chunk (what the browser downloads before that route can render).
// Usage: node scripts/bundle-report.mjs   (after `vite build`)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+)"/)[1];

const staticImports = (file) => {
  const code = readFileSync(join(assets, file), 'utf8');
  const found = new Set();
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) found.add(m[1]);
  return [...found];
};
const closure = (roots) => {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    staticImports(f).forEach(visit);
  };
  roots.forEach(visit);
  return seen;
};
const gz = (files) => [...files].reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
const raw = (files) => [...files].reduce((n, f) => n + readFileSync(join(assets, f)).length, 0);
const chunk = (prefix) => readdirSync(assets).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

const base = closure([entry]);
const rows = [['entry (index.html)', base]];
for (const [label, prefixes] of [
  ['/login', ['login-page-']],
  ['layout + /overview', ['app-layout-', 'overview-page-']],
  ['layout + /rankings', ['app-layout-', 'rankings-page-']],
  ['layout + /departments/:c', ['app-layout-', 'department-detail-page-']],
  ['layout + /network', ['app-layout-', 'network-page-']],
  ['layout + /method', ['app-layout-', 'method-page-']],
  ['layout + /reports', ['app-layout-', 'reports-page-']],
  ['layout + /admin/schemes', ['app-layout-', 'admin-page-', 'schemes-section-']],
  ['layout + /about', ['app-layout-', 'about-page-']],
]) {
  rows.push([label, closure([entry, ...prefixes.map(chunk)])]);
}
for (const [label, files] of rows)
  console.log(`${label.padEnd(26)} ${String(files.size).padStart(3)} files  ${kb(raw(files)).padStart(9)} raw  ${kb(gz(files)).padStart(9)} gzip`);
const all = readdirSync(assets).filter((f) => f.endsWith('.js'));
console.log(`${'all JS'.padEnd(26)} ${String(all.length).padStart(3)} files  ${kb(raw(all)).padStart(9)} raw  ${kb(gz(all)).padStart(9)} gzip`);
