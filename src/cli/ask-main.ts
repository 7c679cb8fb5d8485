import { createInterface } from 'node:readline';
import { renderAnswerForTerminal } from '../render/terminal.ts';
import { answerToJson } from './answer-json.ts';
import { parseArgs } from './args.ts';
import { openConfiguredEngine } from './open-engine.ts';
import { runMain } from './run-main.ts';

const USAGE = `Usage: npm run ask -- [--top N] [--corpus DIR] [--json] "question"

Prints the cited excerpts that answer the question (default 3).
--json prints one JSON object; with --json and no question, reads one
question a line from standard input and prints one JSON object a line.`;

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const question = args.positional.join(' ');
  if (args.help || (!question && !args.json)) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  const engine = openConfiguredEngine(args.corpusDir);
  if (question) {
    const answer = engine.ask(question, { limit: args.top });
    console.log(args.json ? JSON.stringify(answerToJson(answer)) : renderAnswerForTerminal(answer, { color: process.stdout.isTTY }));
    return 0;
  }
  for await (const line of createInterface({ input: process.stdin, terminal: false })) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(answerToJson(engine.ask(line, { limit: args.top })))}\n`);
  }
  return 0;
});
