import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../fixtures/bundled.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** The environment of a user without Discord credentials or a corpus override. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DISCORD_TOKEN;
  delete env.CORPUS_DIR;
  delete env.FORCE_COLOR;
  return env;
}

/** Where runCli runs an entry point. Every field is optional. */
export interface RunCliOptions {
  /** The current folder of the process (where it reads `.env` from). @default the project root */
  cwd?: string;
}

/** Runs a CLI entry point (`src/cli/<script>`), from the project root unless told otherwise, as `npx tsx` would. */
export function runCli(script: string, args: readonly string[], stdin?: string, options: RunCliOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [join(PROJECT_ROOT, 'src', 'cli', script), ...args],
      { cwd: options.cwd ?? PROJECT_ROOT, env: cleanEnv(), timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}
