'use strict';
// `npm run cli -- ...`: the compiled command line, compiled first if the sources changed.
const { ensureServerBuild, hasSources } = require('./build.cjs');

if (hasSources()) ensureServerBuild();
process.setSourceMapsEnabled(true);
require('../apps/api/dist/cli.js')
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
