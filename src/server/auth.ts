/**
 * Who may write: `POST /api/articles` needs `Authorization: Bearer <token>` whenever a token is
 * configured (`RASAD_TOKEN`), and is refused outright when the server listens off loopback without
 * one. On loopback without a token, writes are open (a local, single-user tool).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiFailure } from './errors.js';

/** Whether a listening host only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Compare tokens in constant time (over their digests, so lengths leak nothing either). */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Middleware guarding a write route. */
export function requireWriter(opts: { token: string | null; loopback: boolean }): MiddlewareHandler {
  const token = opts.token ? opts.token : null;
  return async (c, next) => {
    if (token === null) {
      if (!opts.loopback)
        throw new ApiFailure(
          403,
          'FORBIDDEN',
          'writes are disabled: the server listens beyond loopback without a token; set RASAD_TOKEN and send "Authorization: Bearer <token>"',
        );
      return next();
    }
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) {
      c.header('WWW-Authenticate', 'Bearer realm="rasad"');
      throw new ApiFailure(
        401,
        'UNAUTHORIZED',
        'this write needs "Authorization: Bearer <token>" (the RASAD_TOKEN of the server)',
      );
    }
    if (!sameToken(m[1], token)) {
      c.header('WWW-Authenticate', 'Bearer realm="rasad", error="invalid_token"');
      throw new ApiFailure(401, 'UNAUTHORIZED', 'the bearer token does not match the server’s RASAD_TOKEN');
    }
    return next();
  };
}
