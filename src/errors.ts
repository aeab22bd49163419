/**
 * Error catalogue: every error Rasad raises on purpose has a stable code and a message
 * that names the input and what was expected.
 */
export const ERROR_CODES = {
  BAD_DOCUMENT: 'an input document is not an object with string "id" and "text"',
  BAD_JSON: 'a JSON Lines line is not valid JSON',
  BAD_GZIP: 'a .jsonl.gz file could not be decompressed',
  INVALID_UTF8: 'a file is not valid UTF-8',
  UNKNOWN_FORMAT: 'a file type Rasad does not read',
  NOT_FOUND: 'a path that does not exist',
  EMPTY_DIRECTORY: 'a directory without document files',
  BAD_DATE: 'a date that is not YYYY-MM-DD or ISO-8601',
  KB_INVALID: 'the knowledge base has malformed entries',
  PATTERNS_INVALID: 'the event pattern files have malformed entries',
  BAD_ARGUMENT: 'a command-line argument is not what was expected',
  EXTRACTION_FAILED: 'a document could not be processed',
  NO_ARTICLE_TEXT: 'an HTML page in which no article text could be found',
  BAD_FEED: 'a feed that is not well-formed RSS 2.0, RSS 1.0 or Atom',
  BAD_URL: 'a URL that is not an absolute http(s) URL',
  FETCH_FAILED: 'a URL that could not be fetched (network error, timeout, non-2xx status or too large)',
  STORE_UNAVAILABLE: 'an event store location that cannot be opened',
  UNKNOWN_ARTICLE: 'an article id that the store does not hold',
  UNKNOWN_EXPORT_FORMAT: 'an export format Rasad does not write (jsonl, gdelt, plover, csv, parquet)',
  OUTPUT_UNWRITABLE: 'an output path that cannot be created or written',
  PORT_IN_USE: 'a host and port the HTTP server cannot listen on (in use, not permitted or not local)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class RasadError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'RasadError';
    this.code = code;
  }
}
