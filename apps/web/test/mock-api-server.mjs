// Test-only stand-in for apps/api: serves the built dashboard (dist/) and fakes the few endpoints
// the shell calls, with the same cookie, status codes, error bodies and CSP as the real server.
// Never shipped: nothing under src/ imports it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const USERS = {
  leader: { password: 'leader-pass', user: { username: 'leader', role: 'leader', dept: null } },
  inspector: { password: 'inspector-pass', user: { username: 'inspector', role: 'inspector', dept: null } },
  admin: { password: 'admin-pass', user: { username: 'admin', role: 'admin', dept: null } },
  'dept-a': { password: 'dept-pass', user: { username: 'dept-a', role: 'department', dept: 'D001' } },
};

// helmet 8's defaults with the API's overrides (apps/api/src/main.ts).
const CSP =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';" +
  "img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'";

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export async function startMockApi(distDir) {
  const state = { sessions: new Map(), databaseUp: true, loginAttempts: 0, calls: [] };
  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const fail = (res, status, message) => json(res, status, { statusCode: status, message });
  const sessionUser = (req) => {
    const token = /(?:^|;\s*)access_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    return token ? state.sessions.get(token) : undefined;
  };
  const readBody = async (req) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? JSON.parse(text) : {};
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      state.calls.push(`${req.method} ${url.pathname}`);
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /api/health') return state.databaseUp ? json(res, 200, { status: 'ok' }) : fail(res, 503, 'Service Unavailable Exception');
      if (route === 'POST /api/auth/login') {
        const { username, password } = await readBody(req);
        if (username === 'flood') return fail(res, 429, 'ThrottlerException: Too Many Requests');
        const entry = USERS[username];
        if (!entry || entry.password !== password) return fail(res, 401, 'invalid credentials');
        const token = `tok-${username}-${Math.random().toString(36).slice(2)}`;
        state.sessions.set(token, entry.user);
        return json(res, 200, { accessToken: token, user: entry.user }, {
          'Set-Cookie': `access_token=${token}; Path=/api; HttpOnly; SameSite=Strict`,
        });
      }
      if (route === 'POST /api/auth/logout') {
        res.writeHead(204, { 'Set-Cookie': 'access_token=; Path=/api; HttpOnly; SameSite=Strict; Expires=Thu, 01 Jan 1970 00:00:00 GMT' });
        return res.end();
      }
      const user = sessionUser(req);
      if (!user) return fail(res, 401, 'Unauthorized');
      if (route === 'GET /api/auth/me') return json(res, 200, user);
      if (route === 'GET /api/system')
        return json(res, 200, { name: '政务数据共享绩效考核看板', version: '0.1.0-test', database: 'postgresql', timeZone: 'Asia/Shanghai' });
      return fail(res, 404, `Cannot ${req.method} ${url.pathname}`);
    }

    // Static files with the SPA fallback, as @nestjs/serve-static does.
    const safe = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(distDir, safe);
    let body;
    try {
      body = await readFile(file);
    } catch {
      file = join(distDir, 'index.html');
      body = await readFile(file);
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    res.end(body);
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    /** Every session token stops working, as when the JWT expires. */
    expireSessions: () => state.sessions.clear(),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
