/** What kind of failure an error is, for callers that react differently to each. */
const ERROR_CODES = [
  'CORPUS_NOT_FOUND',
  'CORPUS_EMPTY',
  'CONFIG_INVALID',
  'USAGE',
  /** The engine threw while answering one request (the engine itself is still up). */
  'ENGINE_FAILED',
  /** The engine could not answer at all: its worker stopped, timed out, was closed or never opened. */
  'ENGINE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Whether a string (say, from another thread) is one of the codes. */
export function isErrorCode(code: string | undefined): code is ErrorCode {
  return (ERROR_CODES as readonly (string | undefined)[]).includes(code);
}

/**
 * The project's errors: a code to branch on, a message that names what is wrong
 * (the folder, the variable, the flag) and the underlying cause when there is one.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}
