import { AppError } from '../errors.ts';

/**
 * Runs an entry point: its return value is the exit code; an AppError prints
 * its message alone (it names what is wrong), anything else its stack.
 */
export function runMain(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      if (error instanceof AppError) console.error(`error: ${error.message}`);
      else console.error(error);
      process.exitCode = error instanceof AppError && error.code === 'USAGE' ? 2 : 1;
    });
}
