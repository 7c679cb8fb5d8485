import { AppError } from '../errors.ts';

/** Flags shared by the command-line entry points. */
export interface CliArgs {
  /** Words that are not flags, in order. */
  positional: string[];
  json: boolean;
  top: number;
  corpusDir?: string;
  help: boolean;
}

/**
 * Parses `--json`, `--top N`, `--corpus DIR` (also `--flag=value`) and `--help`;
 * `--` ends the flags. An unknown flag or a bad value is a USAGE error naming it.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { positional: [], json: false, top: 3, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      args.positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new AppError('USAGE', `${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--help':
        args.help = true;
        break;
      case '--top': {
        const raw = value();
        const top = Number(raw);
        if (!Number.isInteger(top) || top < 1 || top > 25) throw new AppError('USAGE', `--top must be a whole number from 1 to 25, got "${raw}"`);
        args.top = top;
        break;
      }
      case '--corpus':
        args.corpusDir = value();
        break;
      default:
        throw new AppError('USAGE', `unknown option ${flag} (try --help)`);
    }
  }
  return args;
}
