/**
 * `rasad serve`: open the store and listen with the API app (`app.ts`) on a host and port. Prints
 * nothing (the CLI prints the URL). Off loopback the server starts, but writes need `RASAD_TOKEN`.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { RasadError } from '../errors.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { createApp } from './app.js';
import { isLoopbackHost } from './auth.js';

export interface ServeOptions {
  /** Store location (SQLite path or postgres:// URL; default `./rasad.db`). Ignored when `store` is given. */
  db?: string;
  /** An open store to serve (it is not closed by `close()`). */
  store?: Store;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Bearer token for writes; default `process.env.RASAD_TOKEN`; null: none. */
  token?: string | null;
  /** Directory of the built dashboard (default `dist/web`); null: none. */
  staticDir?: string | null;
  maxBodyBytes?: number;
  maxPageSize?: number;
}

export interface RunningServer {
  /** `http://host:port`. */
  url: string;
  host: string;
  port: number;
  /** Whether writes are open without a token (loopback and no token configured). */
  writesOpen: boolean;
  /** Whether writes are possible at all (a token is set, or the host is loopback). */
  writesEnabled: boolean;
  store: Store;
  close(): Promise<void>;
}

function urlOf(host: string, port: number): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/** Start the HTTP server; resolves once it listens. */
export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RasadError('BAD_ARGUMENT', `port ${port} is not a port number (expected an integer 0-65535)`);
  const envToken = process.env.RASAD_TOKEN;
  const token = opts.token === undefined ? (envToken ? envToken : null) : opts.token || null;
  const loopback = isLoopbackHost(host);
  const ownStore = !opts.store;
  const store = opts.store ?? (await openStore(opts.db));
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({
      store,
      token,
      loopback,
      staticDir: opts.staticDir,
      maxBodyBytes: opts.maxBodyBytes,
      maxPageSize: opts.maxPageSize,
    });
  } catch (e) {
    if (ownStore) await store.close();
    throw e;
  }
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host });
  try {
    await new Promise<void>((resolve, reject) => {
      const onError = (e: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, host);
    });
  } catch (e) {
    if (ownStore) await store.close();
    const err = e as NodeJS.ErrnoException;
    const where = `${host}:${port}`;
    if (err.code === 'EADDRINUSE')
      throw new RasadError(
        'PORT_IN_USE',
        `cannot listen on ${where}: the port is in use (expected a free port; try --port)`,
      );
    if (err.code === 'EACCES')
      throw new RasadError(
        'PORT_IN_USE',
        `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`,
      );
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      throw new RasadError(
        'PORT_IN_USE',
        `cannot listen on ${where}: ${host} is not an address of this machine`,
      );
    throw new RasadError('PORT_IN_USE', `cannot listen on ${where}: ${err.message}`);
  }
  const address = server.address() as AddressInfo;
  let closed = false;
  return {
    url: urlOf(host, address.port),
    host,
    port: address.port,
    writesOpen: loopback && token === null,
    writesEnabled: loopback || token !== null,
    store,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      if (ownStore) await store.close();
    },
  };
}
