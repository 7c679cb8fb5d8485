import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTerminal, TERMINAL_HELP } from '../../src/cli/terminal.ts';
import type { Engine } from '../../src/search/index.ts';
import { openBundledEngine } from '../fixtures/bundled.ts';

let engine: Engine;
beforeAll(() => {
  ({ engine } = openBundledEngine());
});

/** Types the lines into the terminal mode, ends the input, and returns everything it printed. */
async function session(lines: readonly string[], options: { interactive?: boolean; top?: number; endInput?: boolean } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const done = runTerminal({ engine, input, output, interactive: options.interactive ?? false, ...(options.top ? { top: options.top } : {}) });
  input.write(lines.map((line) => `${line}\n`).join(''));
  if (options.endInput ?? true) input.end();
  await done;
  return printed;
}

const QUESTION = 'Which district is the Alabuga zone in?';

describe('runTerminal', () => {
  it('answers a question with numbered, cited excerpts', async () => {
    const printed = await session([QUESTION]);
    expect(printed.match(/^\d+\. /gm)).toEqual(['1. ', '2. ', '3. ']);
    expect(printed).toContain('Yelabuga district');
    expect(printed).toMatch(/^ {4}— How Moscow, Tehran, and Pyongyang Are Fusing Defense Industries › .+ · 000-4253ffe1722c6518#5$/m);
  });

  it('shows the full passage of result 1 with /open 1, with its neighbours', async () => {
    const printed = await session([QUESTION, '/open 1']);
    const opened = printed.slice(printed.lastIndexOf('How Moscow, Tehran, and Pyongyang Are Fusing Defense Industries › From Transaction')).replace(/\s+/g, ' ');
    expect(opened).toContain('000-4253ffe1722c6518#5');
    expect(opened).toContain('What began as the purchase of finished Shahed-136 loitering munitions');
    expect(opened).toContain('previous: 000-4253ffe1722c6518#4');
    expect(opened).toContain('next: 000-4253ffe1722c6518#6');
  });

  it('opens a passage by its id', async () => {
    const printed = await session(['/open 004-2e9ac89937777fdf#1']);
    expect(printed).toContain('Russian Arms Procurement from Iran and North Korea · 004-2e9ac89937777fdf#1 · The Guardian');
    expect(printed).toContain('next: 004-2e9ac89937777fdf#2');
    expect(printed).not.toContain('previous:');
  });

  it.each([
    ['a result number with no question asked', '/open 1'],
    ['an unknown id', '/open nope#99'],
    ['nothing', '/open'],
  ])('explains what /open takes when given %s', async (_case, line) => {
    expect(await session([line])).toMatch(/^No passage ".*"\. Use a result number from the last answer or a passage id such as 000-4253ffe1722c6518#1\.$/m);
  });

  it('lists the documents with /docs', async () => {
    const printed = await session(['/docs']);
    for (const document of engine.documents()) {
      expect(printed).toContain(document.title);
      expect(printed).toContain(`${document.id} · ${document.passageCount} passages`);
    }
    expect(printed).toContain('Russian Arms Procurement from Iran and North Korea (The Guardian)');
  });

  it('pages on with /more, numbering from where the last page ended', async () => {
    const printed = await session([QUESTION, '/more']);
    expect(printed.match(/^\d+\. /gm)).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ', '6. ']);
    const answer = engine.ask(QUESTION, { limit: 6 });
    if (answer.kind !== 'answered') throw new Error('expected an answer');
    expect(printed).toContain(answer.excerpts[4]!.citation.passageId);
  });

  it('opens a result of the second page by its number', async () => {
    const answer = engine.ask(QUESTION, { limit: 5 });
    if (answer.kind !== 'answered') throw new Error('expected an answer');
    const printed = await session([QUESTION, '/more', '/open 5']);
    const id = answer.excerpts[4]!.citation.passageId;
    const openedHeader = printed.split('\n').find((line) => /^[A-Z]/.test(line) && line.endsWith(` · ${id}`));
    expect(openedHeader).toBeDefined();
    expect(printed.indexOf(openedHeader!)).toBeGreaterThan(printed.lastIndexOf('5. '));
  });

  it('says when there are no more results', async () => {
    const printed = await session(['Yelabuga', '/more', '/more', '/more', '/more', '/more', '/more', '/more', '/more']);
    expect(printed).toContain('No more results.');
  });

  it('asks for a question before /more', async () => {
    expect(await session(['/more'])).toContain('Ask a question first.');
  });

  it('lists the commands with /help', async () => {
    const printed = await session(['/help']);
    expect(printed).toContain(TERMINAL_HELP);
    for (const command of ['/open', '/more', '/docs', '/help', '/quit']) expect(printed).toContain(command);
  });

  it('explains an unknown command and lists the real ones', async () => {
    const printed = await session(['/frobnicate']);
    expect(printed).toContain('Unknown command /frobnicate.');
    expect(printed).toContain('/docs');
  });

  it('says politely when a question is off-topic', async () => {
    expect(await session(['How do I bake chocolate chip cookies?'])).toContain('I could not find that in the documents.');
  });

  it('ignores blank lines', async () => {
    expect(await session(['', '   ', ''])).toBe('');
  });

  it('shows as many excerpts as asked with top', async () => {
    expect((await session([QUESTION], { top: 1 })).match(/^\d+\. /gm)).toEqual(['1. ']);
  });

  it('stops reading at /quit', async () => {
    const printed = await session(['/quit', '/help'], { endInput: false });
    expect(printed).not.toContain('/docs');
  });

  it('resolves when the input ends', async () => {
    await expect(session([QUESTION, '/docs'])).resolves.toContain('Yelabuga');
  });

  it('in interactive mode shows a banner with the corpus size and a prompt', async () => {
    const printed = await session(['/help'], { interactive: true });
    expect(printed).toContain(`Answering from 5 documents (${engine.index.passages.length} passages). /help for commands.`);
    expect(printed).toContain('? ');
    expect(printed).toContain('/open N');
  });
});
