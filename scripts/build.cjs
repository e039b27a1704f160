'use strict';
// The compiled build: the API, the CLI and the libraries to JavaScript (each package's `src/` to its
// `dist/`, with source maps), and the web app through Vite. Plain JavaScript, so it runs before
// anything is compiled. A build is redone only when it is missing or stale: a stamp in each output
// records the sources it was made from (paths, sizes, modification times).
//
//   node scripts/build.cjs            build what is missing or stale
//   node scripts/build.cjs --force    rebuild everything
//   node scripts/build.cjs --server   only the API, the CLI and the libraries

const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMP = '.build-stamp';

/** The server's packages: TypeScript in `src/`, compiled to `dist/` next to it. */
const SERVER_PACKAGES = ['libs/scoring', 'libs/contracts', 'libs/charts', 'libs/periods', 'apps/api'];
/** Files the server reads at run time next to its code. */
const ASSET = /\.(csv|json)$/;
const SKIP = /\.test\.ts$|\/test-support\//;

/** What the web build is made from: its sources and config, and the libraries it bundles. */
const WEB_INPUTS = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'libs/contracts/src',
  'libs/charts/src',
  'libs/periods/src',
  'libs/scoring/src',
  'package-lock.json',
];
const WEB_DIST = 'apps/web/dist';

function walk(entry, out) {
  const full = path.join(ROOT, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return out;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) {
      if (name === 'node_modules' || name === 'dist') continue;
      walk(path.posix.join(entry, name), out);
    }
  } else {
    out.push({ file: entry, size: stat.size, mtime: stat.mtimeMs });
  }
  return out;
}

/** A digest of what the inputs are now: any file added, removed, resized or touched changes it. */
function fingerprint(files) {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.file}\0${f.size}\0${f.mtime}\n`);
  return hash.digest('hex');
}

function readStamp(dir) {
  try {
    return fs.readFileSync(path.join(ROOT, dir, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

function writeStamp(dir, value) {
  fs.writeFileSync(path.join(ROOT, dir, STAMP), `${value}\n`);
}

/** The swc options the development loader (@swc-node/register) uses, read from the same tsconfig. */
function swcOptions() {
  const { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } = require('@swc-node/register/read-default-tsconfig');
  const compilerOptions = readDefaultTsConfig(path.join(ROOT, 'tsconfig.json'));
  // Imports of @app/* stay package imports: each library's package.json points at its dist/.
  return { ...tsCompilerOptionsToSwcConfig(compilerOptions, 'x.ts'), paths: undefined, baseUrl: undefined, sourcemap: true };
}

function compilePackage(pkg, options) {
  const { transformSync } = require('@swc-node/core');
  const src = path.join(ROOT, pkg, 'src');
  const dist = path.join(ROOT, pkg, 'dist');
  // Written aside and moved into place, so a process starting meanwhile never sees half a build.
  const fresh = `${dist}.${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { recursive: true });
  let count = 0;
  for (const { file } of walk(path.posix.join(pkg, 'src'), [])) {
    const relative = path.relative(src, path.join(ROOT, file));
    const compiled = file.endsWith('.ts') && !file.endsWith('.d.ts');
    if (SKIP.test(file) || !(compiled || ASSET.test(file))) continue;
    const target = path.join(fresh, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (compiled) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const output = transformSync(source, path.join(ROOT, file), options);
      const js = target.replace(/\.ts$/, '.js');
      fs.writeFileSync(js, `${output.code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
      if (output.map) fs.writeFileSync(`${js}.map`, output.map);
      count++;
    } else {
      fs.copyFileSync(path.join(ROOT, file), target);
    }
  }
  fs.rmSync(dist, { recursive: true, force: true });
  fs.renameSync(fresh, dist);
  return count;
}

function serverInputs(pkg) {
  return walk(path.posix.join(pkg, 'src'), walk('tsconfig.json', []));
}

/** Compiles each server package whose sources changed since its last build; returns the ones rebuilt. */
function ensureServerBuild({ force = false, log = defaultLog } = {}) {
  const rebuilt = [];
  let options;
  for (const pkg of SERVER_PACKAGES) {
    const print = fingerprint(serverInputs(pkg));
    if (!force && readStamp(path.posix.join(pkg, 'dist')) === print) continue;
    options ??= swcOptions();
    const started = Date.now();
    const count = compilePackage(pkg, options);
    writeStamp(path.posix.join(pkg, 'dist'), print);
    log(`built ${pkg} (${count} files, ${Date.now() - started} ms)`);
    rebuilt.push(pkg);
  }
  return rebuilt;
}

/** Builds the web app with Vite (and precompresses it) when its sources changed since the last build. */
function ensureWebBuild({ force = false, log = defaultLog } = {}) {
  const print = fingerprint(WEB_INPUTS.flatMap((entry) => walk(entry, [])));
  if (!force && readStamp(WEB_DIST) === print && fs.existsSync(path.join(ROOT, WEB_DIST, 'index.html'))) return false;
  if (!fs.existsSync(path.join(ROOT, 'apps/web/src'))) {
    if (fs.existsSync(path.join(ROOT, WEB_DIST, 'index.html'))) return false;
    throw new Error(`the web app is neither built (${WEB_DIST}) nor present to build (apps/web/src)`);
  }
  const started = Date.now();
  log('building the web app (vite)...');
  const result = spawnSync(
    process.execPath,
    [path.join(path.dirname(require.resolve('vite/package.json', { paths: [path.join(ROOT, 'apps/web')] })), 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: path.join(ROOT, 'apps/web'),
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`the web build failed (exit ${result.status})`);
  precompress(path.join(ROOT, WEB_DIST));
  writeStamp(WEB_DIST, print);
  log(`built the web app (${Date.now() - started} ms)`);
  return true;
}

/** A brotli and a gzip copy beside every text asset, so the server sends them without compressing per request. */
function precompress(dir) {
  const zlib = require('node:zlib');
  for (const { file } of walk(path.relative(ROOT, dir), [])) {
    if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
    const full = path.join(ROOT, file);
    const content = fs.readFileSync(full);
    if (content.length < 1024) continue;
    fs.writeFileSync(
      `${full}.br`,
      zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
    );
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(content, { level: 9 }));
  }
}

function defaultLog(message) {
  process.stderr.write(`[build] ${message}\n`);
}

/** Whether this checkout has sources to build from (a container image holds only the compiled output). */
function hasSources() {
  return fs.existsSync(path.join(ROOT, 'apps/api/src/main.ts'));
}

module.exports = { ensureServerBuild, ensureWebBuild, hasSources };

if (require.main === module) {
  const args = new Set(process.argv.slice(2));
  const force = args.has('--force');
  ensureServerBuild({ force });
  if (!args.has('--server')) ensureWebBuild({ force });
}
