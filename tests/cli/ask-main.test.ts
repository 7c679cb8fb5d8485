import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerJson } from '../../src/cli/answer-json.ts';
import { runCli, type CliRun } from './run-cli.ts';

const QUESTION = 'Which district is the Alabuga zone in?';
const OFF_TOPIC = 'How do I bake chocolate chip cookies?';

// Every spawn costs about a second: start them all at once and assert on the results.
let plain: CliRun;
let top1: CliRun;
let json: CliRun;
let jsonLines: CliRun;
let missingCorpus: CliRun;
let unknownFlag: CliRun;
beforeAll(async () => {
  [plain, top1, json, jsonLines, missingCorpus, unknownFlag] = await Promise.all([
    runCli('ask-main.ts', [QUESTION]),
    runCli('ask-main.ts', ['--top', '1', QUESTION]),
    runCli('ask-main.ts', ['--json', QUESTION]),
    runCli('ask-main.ts', ['--json'], `${QUESTION}\n\n${OFF_TOPIC}\nWho is Jack Watling?\n`),
    runCli('ask-main.ts', ['--corpus', '/nonexistent/corpus-dir', QUESTION]),
    runCli('ask-main.ts', ['--frobnicate', QUESTION]),
  ]);
}, 60_000);

describe('npm run ask', () => {
  it('prints three numbered excerpts, each followed by its citation', () => {
    expect(plain.code).toBe(0);
    expect(plain.stdout.match(/^\d+\. /gm)).toEqual(['1. ', '2. ', '3. ']);
    expect(plain.stdout).toContain('Yelabuga district of Tatarstan');
    const citations = plain.stdout.match(/^ {4}— .+ · [a-z0-9-]+#\d+$/gm) ?? [];
    expect(citations).toHaveLength(3);
    expect(citations[0]).toContain('How Moscow, Tehran, and Pyongyang Are Fusing Defense Industries › From Transaction to Integration: The Alabuga Model');
  });

  it('prints no colour codes when its output is not a terminal', () => {
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('prints a single excerpt with --top 1', () => {
    expect(top1.code).toBe(0);
    expect(top1.stdout.match(/^\d+\. /gm)).toEqual(['1. ']);
    expect(top1.stdout).toContain('Yelabuga');
  });

  it('prints exactly one JSON object with --json and a question', () => {
    expect(json.code).toBe(0);
    const lines = json.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!) as AnswerJson;
    expect(parsed).toMatchObject({ question: QUESTION, answered: true });
    expect(parsed.results).toHaveLength(3);
    for (const result of parsed.results) {
      expect(result).toEqual(
        expect.objectContaining({
          excerpt: expect.any(String),
          passageId: expect.stringMatching(/^[a-z0-9-]+#\d+$/),
          title: expect.any(String),
          section: expect.any(String),
          score: expect.any(Number),
        }),
      );
      expect(result.excerpt.length).toBeLessThanOrEqual(500);
    }
    expect(parsed.results[0]!.excerpt).toContain('Yelabuga');
  });

  it('answers one JSON line per question read from standard input, in order, skipping blank lines', () => {
    expect(jsonLines.code).toBe(0);
    const answers = jsonLines.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AnswerJson);
    expect(answers.map((a) => a.question)).toEqual([QUESTION, OFF_TOPIC, 'Who is Jack Watling?']);
    expect(answers.map((a) => a.answered)).toEqual([true, false, true]);
  });

  it('says answered:false with a message and no results for an off-topic question', () => {
    const offTopic = jsonLines.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AnswerJson)[1]!;
    expect(offTopic.results).toEqual([]);
    expect(offTopic.message).toEqual(expect.any(String));
  });

  it('exits non-zero and names the folder when the corpus does not exist', () => {
    expect(missingCorpus.code).not.toBe(0);
    expect(missingCorpus.stderr).toContain('/nonexistent/corpus-dir');
    expect(missingCorpus.stderr).not.toMatch(/at .+\.ts:\d+/);
    expect(missingCorpus.stdout).toBe('');
  });

  it('exits 2 and names an unknown flag', () => {
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain('--frobnicate');
  });
});
