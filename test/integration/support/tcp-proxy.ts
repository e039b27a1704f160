import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy the test controls, between the app and PostgreSQL, to simulate
 * outages without touching the shared server.
 *
 * - up: forwards every connection to the target;
 * - cut(): destroys every open connection and refuses new ones (the port
 *   closes: ECONNREFUSED), as when the server or the link is down;
 * - blackhole(): destroys every open connection and accepts new ones but
 *   never answers, as when packets are dropped;
 * - restore(): listens again on the same port and forwards.
 */
export class TcpProxy {
  private server: Server;
  private readonly sockets = new Set<Socket>();
  private mode: 'up' | 'down' | 'blackhole' = 'up';
  /** Connections accepted since start (forwarded or swallowed). */
  accepted = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
    public port = 0,
  ) {
    this.server = this.createServer();
  }

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.listen();
    return proxy;
  }

  private createServer(): Server {
    return createServer((client) => {
      this.accepted++;
      this.track(client);
      if (this.mode !== 'up') return; // blackhole: hold the connection, say nothing
      const upstream = connect(this.targetPort, this.targetHost);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const closeBoth = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', closeBoth);
      upstream.on('close', closeBoth);
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private listen(): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        const address = this.server.address();
        if (address && typeof address === 'object') this.port = address.port;
        resolvePromise();
      });
    });
  }

  private destroyAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** The URL of the same database through the proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  get openConnections(): number {
    return this.sockets.size;
  }

  async cut(): Promise<void> {
    this.mode = 'down';
    const closed = new Promise<void>((resolvePromise) => this.server.close(() => resolvePromise()));
    this.destroyAll();
    await closed;
  }

  async blackhole(): Promise<void> {
    if (!this.server.listening) await this.listen();
    this.mode = 'blackhole';
    this.destroyAll();
  }

  async restore(): Promise<void> {
    // Connections swallowed while blackholed never get an answer: drop them so their clients give up.
    if (this.mode === 'blackhole') this.destroyAll();
    this.mode = 'up';
    if (!this.server.listening) {
      this.server = this.createServer();
      await this.listen();
    }
  }

  async close(): Promise<void> {
    this.mode = 'down';
    const closed = this.server.listening ? new Promise<void>((resolvePromise) => this.server.close(() => resolvePromise())) : Promise.resolve();
    this.destroyAll();
    await closed;
  }
}
