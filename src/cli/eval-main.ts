import { readFileSync } from 'node:fs';
import { evaluate, parseEvalFile, type EvalReport } from '../eval/evaluate.ts';
import { parseArgs } from './args.ts';
import { openConfiguredEngine } from './open-engine.ts';
import { runMain } from './run-main.ts';

const USAGE = `Usage: npm run eval -- FILE [--top N] [--corpus DIR] [--json]

Scores the engine on a JSONL file of {"id", "q", "answers": [...]} lines:
hit@1, hit@3, MRR, abstentions, and the misses. Empty answers mark an
off-topic question that should be declined.`;

runMain(() => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.positional.length === 0) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  const engine = openConfiguredEngine(args.corpusDir);
  for (const file of args.positional) {
    const { questions, errors } = parseEvalFile(readFileSync(file, 'utf8'));
    for (const error of errors) console.error(`warning: ${file}: ${error}`);
    const report = evaluate(questions, (question) => engine.ask(question, { limit: Math.max(3, args.top) }));
    console.log(args.json ? JSON.stringify({ file, ...report }) : formatReport(file, report));
  }
  return 0;
});

function formatReport(file: string, report: EvalReport): string {
  const lines = [
    `${file}: ${report.onTopic} on-topic, ${report.offTopic} off-topic questions`,
    `  hit@1 ${report.hitAt1.toFixed(3)}   hit@3 ${report.hitAt3.toFixed(3)}   MRR ${report.mrr.toFixed(3)}`,
    `  off-topic declined ${report.abstained}/${report.offTopic}   on-topic declined ${report.falseAbstentions}/${report.onTopic}   longest excerpt ${report.longestExcerpt} chars`,
  ];
  if (report.misses.length > 0) lines.push('  misses:');
  for (const miss of report.misses) {
    lines.push(`   ${miss.kind.padEnd(19)} ${miss.id}: ${miss.question}`);
    if (miss.expected.length > 0) lines.push(`      expected: ${miss.expected.join(' | ')}`);
    lines.push(`      top: ${miss.got.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return lines.join('\n');
}
