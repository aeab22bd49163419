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
