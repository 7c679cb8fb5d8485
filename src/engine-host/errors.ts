import { AppError, isErrorCode } from '../errors.ts';

/** An error as it crosses from the worker: plain data. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

/** The error a failing engine call becomes: code ENGINE_FAILED, naming the call, with the original as cause. */
export function engineFailure(method: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('ENGINE_FAILED', `The engine failed on "${method}": ${message}`, { cause: error });
}

/** Plain data for postMessage (an Error's own fields do not all survive structured clone). */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message,
      ...(error instanceof AppError ? { code: error.code } : {}),
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** The error back on the main thread: an AppError keeps its code, anything else is ENGINE_FAILED for `method`. */
export function deserializeError(serialized: SerializedError, method: string): AppError {
  const cause = Object.assign(new Error(serialized.message), { name: serialized.name, ...(serialized.stack ? { stack: serialized.stack } : {}) });
  if (serialized.name === 'AppError' && isErrorCode(serialized.code)) return new AppError(serialized.code, serialized.message, { cause });
  return engineFailure(method, cause);
}
