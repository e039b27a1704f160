'use strict';
// `npm start`, and the container's command: brings the compiled build up to date where the sources
// are here (a container image holds only the compiled output), then runs the server in this process.
const { ensureServerBuild, ensureWebBuild, hasSources } = require('./build.cjs');

if (hasSources()) {
  ensureServerBuild();
  ensureWebBuild();
}
process.env.NODE_ENV ??= 'production';
process.setSourceMapsEnabled(true);
require('../apps/api/dist/main.js')
  .startServer()
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
