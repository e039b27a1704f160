import { ForbiddenException } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, it } from 'vitest';
import { assertSameOrigin } from './auth.guard';

/** The Origin/Referer rule on real Express requests, with and without PUBLIC_ORIGIN. */
const servers: { close(): void }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

/** A listening app (one address for every request) and its host. */
async function appWith(publicOrigin: string | undefined) {
  const app = express();
  app.all('/api/x', (req: Request, res: Response) => {
    assertSameOrigin(req, publicOrigin);
    res.status(204).end();
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error instanceof ForbiddenException ? 403 : 500).end();
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { http: request(server), host: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('assertSameOrigin', () => {
  it('by default accepts the scheme and host the request came to, by Origin or else Referer', async () => {
    const { http, host } = await appWith(undefined);
    await http.post('/api/x').set('Origin', `http://${host}`).expect(204);
    await http.post('/api/x').set('Referer', `http://${host}/admin/users`).expect(204);
    await http.delete('/api/x').set('Origin', `http://${host.toUpperCase()}`).expect(204);
  });

  it('refuses another origin, a missing one, Origin: null, a bad Referer; Origin wins over Referer', async () => {
    const { http, host } = await appWith(undefined);
    await http.post('/api/x').expect(403);
    await http.post('/api/x').set('Origin', 'null').expect(403);
    await http.post('/api/x').set('Origin', `https://${host}`).expect(403);
    await http.post('/api/x').set('Origin', 'http://evil.example').set('Referer', `http://${host}/`).expect(403);
    await http.put('/api/x').set('Referer', 'not a url').expect(403);
  });

  it('lets safe methods through without an origin', async () => {
    const { http } = await appWith(undefined);
    await http.get('/api/x').expect(204);
    await http.head('/api/x').expect(204);
    await http.options('/api/x').expect(204);
  });

  it('with PUBLIC_ORIGIN set, accepts only that origin (behind a proxy the request host differs)', async () => {
    const { http, host } = await appWith('https://dashboard.example.gov.cn');
    await http.post('/api/x').set('Origin', 'https://dashboard.example.gov.cn').expect(204);
    await http.post('/api/x').set('Referer', 'https://dashboard.example.gov.cn/reports').expect(204);
    await http.post('/api/x').set('Origin', `http://${host}`).expect(403);
    await http.post('/api/x').set('Origin', 'https://dashboard.example.gov.cn:8443').expect(403);
  });
});
