import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';

/** Where the ORM connects, and how to let go of what was opened for it. */
export interface DatabaseTarget {
  kind: 'postgresql' | 'embedded';
  connection: { clientUrl: string } | { host: string; port: number; user: string; dbName: string };
  /** Embedded database: PGlite serves one query at a time, so one pooled connection per process. */
  poolMax: number;
  close(): Promise<void>;
}

interface OwnerRecord {
  pid: number;
  purpose: 'server' | 'cli';
  host: string;
  port: number;
  startedAt: string;
}

const EMBEDDED_PORT = 5432;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): OwnerRecord | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as OwnerRecord;
  } catch {
    return null;
  }
}

/**
 * Resolves the database for this process. With DATABASE_URL: that server.
 * Without: the embedded PGlite database under DATA_DIR. Only one process may
 * open its files; that process serves it on a local socket, and any other
 * process (the CLI while the server runs) connects through that socket.
 */
export async function openDatabaseTarget(config: AppConfig, purpose: 'server' | 'cli'): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) {
    return { kind: 'postgresql', connection: { clientUrl: config.DATABASE_URL }, poolMax: config.DB_POOL_MAX, close: async () => {} };
  }
  const dataDir = resolve(config.DATA_DIR);
  const runDir = join(dataDir, 'run');
  mkdirSync(runDir, { recursive: true });
  const ownerFile = join(runDir, 'owner.json');

  for (let attempt = 0; attempt < 3; attempt++) {
    const owner = readOwner(ownerFile);
    if (owner && isAlive(owner.pid) && owner.pid !== process.pid) {
      if (purpose === 'server') {
        throw new Error(`The embedded database under ${dataDir} is open in process ${owner.pid} (${owner.purpose}); stop it first or set DATABASE_URL.`);
      }
      return {
        kind: 'embedded',
        connection: { host: owner.host, port: owner.port, user: 'postgres', dbName: 'postgres' },
        poolMax: 1,
        close: async () => {},
      };
    }
    // A claim without a readable owner is either being written this instant or was left by a crash between
    // creating and writing it: after a few seconds it is the latter and would otherwise block every start.
    if (owner || staleEmptyClaim(ownerFile)) rmSync(ownerFile, { force: true });
    try {
      closeSync(openSync(ownerFile, 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      return await startEmbedded(dataDir, runDir, ownerFile, purpose);
    } catch (error) {
      rmSync(ownerFile, { force: true });
      throw error;
    }
  }
  throw new Error(`Could not take the embedded database under ${dataDir}: another process keeps claiming it.`);
}

/**
 * The embedded database runs inside the server's process, so its buffers count toward the
 * server's memory: a small buffer pool (the operating system still caches the files) and a WAL
 * that is recycled at a few segments instead of growing to PostgreSQL's 1 GB default.
 */
const EMBEDDED_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB', '-c', 'checkpoint_timeout=5min'];

function staleEmptyClaim(ownerFile: string): boolean {
  try {
    return Date.now() - statSync(ownerFile).mtimeMs > 5_000;
  } catch {
    return false;
  }
}

async function startEmbedded(dataDir: string, runDir: string, ownerFile: string, purpose: 'server' | 'cli'): Promise<DatabaseTarget> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const pgDir = join(dataDir, 'pglite');
  if (!existsSync(pgDir)) mkdirSync(pgDir, { recursive: true });
  const db = await PGlite.create({ dataDir: pgDir, startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS] });

  // A unix socket keeps the database private to this machine's users; its
  // path has a length limit, so long data directories fall back to loopback TCP.
  const socketPath = join(runDir, `.s.PGSQL.${EMBEDDED_PORT}`);
  const useUnixSocket = socketPath.length < 100 && process.platform !== 'win32';
  if (useUnixSocket) rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer(useUnixSocket ? { db, path: socketPath, maxConnections: 8 } : { db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const host = useUnixSocket ? runDir : '127.0.0.1';
  const port = useUnixSocket ? EMBEDDED_PORT : Number((server as unknown as { port: number }).port);
  const record: OwnerRecord = { pid: process.pid, purpose, host, port, startedAt: new Date().toISOString() };
  writeFileSync(ownerFile, JSON.stringify(record));

  let closed = false;
  return {
    kind: 'embedded',
    connection: { host, port, user: 'postgres', dbName: 'postgres' },
    poolMax: 1,
    close: async () => {
      if (closed) return;
      closed = true;
      await server.stop();
      await db.close();
      rmSync(ownerFile, { force: true });
      if (useUnixSocket) rmSync(socketPath, { force: true });
    },
  };
}
