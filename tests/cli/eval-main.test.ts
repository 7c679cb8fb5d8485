import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS_DIR, evalQuestions } from '../fixtures/bundled.ts';
import { runCli, type CliRun } from './run-cli.ts';

let run: CliRun;
/** The report of the first file, before the second file's and the all-files report. */
let first: string;
beforeAll(async () => {
  run = await runCli('eval-main.ts', ['--corpus', BUNDLED_CORPUS_DIR, 'eval/questions.jsonl', 'eval/heldout.jsonl']);
  first = run.stdout.slice(0, run.stdout.indexOf('eval/heldout.jsonl:'));
}, 60_000);

describe('npm run eval', () => {
  it('reports hit@1, hit@3, MRR and abstentions for the question file', () => {
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf('eval/heldout.jsonl:')).toBeGreaterThan(0);
    expect(first).toMatch(/^eval\/questions\.jsonl: \d+ on-topic, \d+ off-topic questions$/m);
    expect(first).toMatch(/hit@1 [01]\.\d{3} {3}hit@3 [01]\.\d{3} {3}MRR [01]\.\d{3}/);
    expect(first).toMatch(/off-topic declined \d+\/\d+ {3}on-topic declined \d+\/\d+/);
  });

  it('counts the questions of the file', () => {
    const questions = evalQuestions();
    const onTopic = questions.filter((q) => q.answers.length > 0).length;
    expect(first).toContain(`${onTopic} on-topic, ${questions.length - onTopic} off-topic questions`);
  });

  it('breaks the scores down by the tags of the questions', () => {
    const questions = evalQuestions();
    const unrelated = questions.filter((q) => q.tags?.includes('unrelated')).length;
    expect(unrelated).toBeGreaterThan(0);
    expect(first).toMatch(new RegExp(`^ {2}by tag:\n {3}unrelated +${unrelated} off-topic: declined ${unrelated}/${unrelated}$`, 'm'));
  });

  it('ends with a report over all the files', () => {
    const files = ['eval/questions.jsonl', 'eval/heldout.jsonl'].map((file) => evalQuestions(file));
    const all = files.flat();
    const onTopic = all.filter((q) => q.answers.length > 0).length;
    const last = run.stdout.slice(run.stdout.lastIndexOf('all files:'));
    expect(last).toMatch(new RegExp(`^all files: ${onTopic} on-topic, ${all.length - onTopic} off-topic questions\n {2}hit@1 `));
    expect(last).not.toContain('misses:');
  });

  it('declines every off-topic question and no on-topic one', () => {
    const declined = /off-topic declined (\d+)\/(\d+) {3}on-topic declined (\d+)\//.exec(first);
    expect(declined).not.toBeNull();
    expect(declined?.[1]).toBe(declined?.[2]);
    expect(declined?.[3]).toBe('0');
  });
});
