import { readFileSync } from 'node:fs';
import { judgeAll, parseEvalFile, reportOf, type EvalOutcome, type EvalReport, type EvalScores } from '../eval/evaluate.ts';
import { parseArgs } from './args.ts';
import { openConfiguredEngine } from './open-engine.ts';
import { runMain } from './run-main.ts';

const USAGE = `Usage: npm run eval -- FILE... [--top N] [--corpus DIR] [--json]

Scores the engine on JSONL files of {"id", "q", "answers": [...]} lines:
hit@1, hit@3, MRR, abstentions, and the misses. Empty answers mark an
off-topic question that should be declined. Optional "tags": [...] on a line
break the scores down by tag. With several files, a last report covers them all
(with --json, a last line {"files": [...], ...} without the misses).`;

runMain(() => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.positional.length === 0) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  const engine = openConfiguredEngine(args.corpusDir);
  const everything: EvalOutcome[] = [];
  for (const file of args.positional) {
    const { questions, errors } = parseEvalFile(readFileSync(file, 'utf8'));
    for (const error of errors) console.error(`warning: ${file}: ${error}`);
    const outcomes = judgeAll(questions, (question) => engine.ask(question, { limit: Math.max(3, args.top) }));
    everything.push(...outcomes);
    const report = reportOf(outcomes);
    console.log(args.json ? JSON.stringify({ file, ...report }) : formatReport(file, report));
  }
  if (args.positional.length > 1) {
    // The misses were listed file by file.
    const { misses: _listed, ...all } = reportOf(everything);
    console.log(args.json ? JSON.stringify({ files: args.positional, ...all }) : formatReport('all files', { ...all, misses: [] }));
  }
  return 0;
});

function formatReport(file: string, report: EvalReport): string {
  const lines = [
    `${file}: ${report.onTopic} on-topic, ${report.offTopic} off-topic questions`,
    `  hit@1 ${report.hitAt1.toFixed(3)}   hit@3 ${report.hitAt3.toFixed(3)}   MRR ${report.mrr.toFixed(3)}`,
    `  off-topic declined ${report.abstained}/${report.offTopic}   on-topic declined ${report.falseAbstentions}/${report.onTopic}   longest excerpt ${report.longestExcerpt} chars`,
  ];
  const tags = Object.entries(report.byTag);
  if (tags.length > 0) lines.push('  by tag:');
  const width = Math.max(0, ...tags.map(([tag]) => tag.length));
  for (const [tag, scores] of tags) lines.push(`   ${tag.padEnd(width)}  ${formatTagScores(scores)}`);
  if (report.misses.length > 0) lines.push('  misses:');
  for (const miss of report.misses) {
    lines.push(`   ${miss.kind.padEnd(19)} ${miss.id}: ${miss.question}`);
    if (miss.expected.length > 0) lines.push(`      expected: ${miss.expected.join(' | ')}`);
    lines.push(`      top: ${miss.got.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return lines.join('\n');
}

/** One tag's scores on one line: those of its on-topic questions, then of its off-topic ones. */
function formatTagScores(scores: EvalScores): string {
  const parts: string[] = [];
  if (scores.onTopic > 0) {
    parts.push(`${scores.onTopic} on-topic: hit@1 ${scores.hitAt1.toFixed(3)}  hit@3 ${scores.hitAt3.toFixed(3)}  declined ${scores.falseAbstentions}/${scores.onTopic}`);
  }
  if (scores.offTopic > 0) parts.push(`${scores.offTopic} off-topic: declined ${scores.abstained}/${scores.offTopic}`);
  return parts.join('   ');
}
