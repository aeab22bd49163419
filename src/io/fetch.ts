/**
 * Fetch a web page or feed as text with Node's global `fetch`: http(s) only, a timeout over
 * the whole exchange, a size cap, and the character set from Content-Type, a byte-order mark,
 * `<meta charset>` or the XML declaration (windows-1256 and other legacy sets via TextDecoder).
 */
import { RasadError } from '../errors.js';

export interface FetchOptions {
  /** Give up when headers and body have not arrived within this time. Default 20 000 ms. */
  timeoutMs?: number;
  /** Refuse bodies larger than this. Default 5 MiB. */
  maxBytes?: number;
  userAgent?: string;
  /** Cancels the request (e.g. when a watch stops). */
  signal?: AbortSignal;
}

export interface FetchedText {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  /** The character set the body was decoded with. */
  charset: string;
  text: string;
}

export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; Rasad/0.1; Arabic news event coder)';
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** An absolute http(s) URL, or a `BAD_URL` error naming it. */
export function httpUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RasadError('BAD_URL', `${url}: not a URL; expected an absolute http:// or https:// address`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new RasadError('BAD_URL', `${url}: unsupported scheme ${u.protocol}; expected http:// or https://`);
  }
  return u;
}

function usableCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** Character set of a body: BOM, then Content-Type, then the document's own declaration, else UTF-8. */
export function detectCharset(bytes: Uint8Array, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = usableCharset(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1]);
  if (fromHeader) return fromHeader;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared =
    /<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1];
  return usableCharset(declared) ?? 'utf-8';
}

/** Decode a body with its detected character set. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; charset: string } {
  const charset = detectCharset(bytes, contentType);
  return { text: new TextDecoder(charset).decode(bytes), charset };
}

async function readCapped(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new RasadError(
      'FETCH_FAILED',
      `${url}: body of ${declared} bytes exceeds the limit of ${maxBytes} bytes`,
    );
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new RasadError('FETCH_FAILED', `${url}: body exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Fetch a URL and decode its body. Throws `RasadError` (`BAD_URL`, `FETCH_FAILED`) naming the URL. */
export async function fetchResource(url: string, opts: FetchOptions = {}): Promise<FetchedText> {
  const u = httpUrl(url);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  try {
    const res = await fetch(u, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
        accept:
          'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
      },
    });
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel();
      throw new RasadError(
        'FETCH_FAILED',
        `${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}; expected a 2xx response`,
      );
    }
    const bytes = await readCapped(res, url, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    const contentType = res.headers.get('content-type');
    const { text, charset } = decodeBody(bytes, contentType);
    return { url: res.url || u.href, status: res.status, contentType, charset, text };
  } catch (err) {
    if (err instanceof RasadError) throw err;
    if (timeout.aborted) {
      throw new RasadError('FETCH_FAILED', `${url}: no complete response within ${timeoutMs} ms`);
    }
    if (opts.signal?.aborted) throw new RasadError('FETCH_FAILED', `${url}: request cancelled`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    throw new RasadError('FETCH_FAILED', `${url}: could not be fetched (${why})`);
  }
}

/** Fetch a URL's body as text (see `fetchResource`). */
export async function fetchText(url: string, opts: FetchOptions = {}): Promise<string> {
  return (await fetchResource(url, opts)).text;
}

/** A `(url) => Promise<html>` page fetcher with fixed options, for feeds and sources. */
export function pageFetcher(opts: FetchOptions = {}): (url: string) => Promise<string> {
  return (url) => fetchText(url, opts);
}
