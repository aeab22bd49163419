/**
 * Errors of the HTTP API: every failure answers `{ error: { code, message } }` (see `ApiError`).
 * Validation failures name the zod issue paths; `RasadError`s keep their code with status 400;
 * anything unexpected is a 500 whose message carries no stack trace.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { RasadError } from '../errors.js';
import type { ApiError, ApiErrorCode } from './api-types.js';

/** An error the handlers throw on purpose, answered with its status and code. */
export class ApiFailure extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
  }
}

export function errorBody(code: string, message: string): ApiError {
  return { error: { code, message } };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json(errorBody(code, message), status);
}

/** `query.limit: at most 500 per page; query.pair: expected two actors ...`. */
export function describeZodError(target: string, error: ZodError): string {
  return error.issues
    .map((i) => {
      const path = [target, ...i.path.map(String)].join('.');
      return `${path}: ${i.message}`;
    })
    .join('; ');
}

const STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Clearer messages for what hono's validators throw. */
const MESSAGES: Partial<Record<number, string>> = {
  415: 'the request body must be JSON, sent with "Content-Type: application/json"',
};

/**
 * The app's error handler: map what was thrown to a JSON error. Unexpected errors go to `report`
 * (stderr by default) and are answered without details of the internals.
 */
export function errorHandler(report: (err: Error) => void = defaultReport) {
  return (err: Error, c: Context): Response => handleError(err, c, report);
}

function defaultReport(err: Error): void {
  process.stderr.write(`rasad serve: internal error: ${err.stack ?? err.message}\n`);
}

function handleError(err: Error, c: Context, report: (err: Error) => void): Response {
  if (err instanceof ApiFailure) return errorResponse(c, err.status, err.code, err.message);
  if (err instanceof RasadError) return errorResponse(c, 400, err.code, err.message);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_REQUEST');
    return errorResponse(c, status, code, MESSAGES[status] ?? (err.message || `HTTP ${status}`));
  }
  report(err);
  return errorResponse(c, 500, 'INTERNAL_ERROR', 'internal server error');
}
