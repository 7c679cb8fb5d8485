import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderAnswerForTerminal, renderDocumentsForTerminal, renderPassageForTerminal } from '../render/terminal.ts';
import type { Engine } from '../search/engine.ts';
import type { Answer } from '../search/types.ts';

export interface TerminalOptions {
  engine: Engine;
  input: Readable;
  output: Writable;
  /** Show a banner and a prompt (standard input is a terminal). */
  interactive: boolean;
  /** Excerpts a question shows. @default 3 */
  top?: number;
  /** Colour and bold highlights. @default false */
  color?: boolean;
}

export const TERMINAL_HELP = `Ask a question in plain words, or:
  /open N     the full passage of result N (or /open doc-id#12)
  /more       more results for the last question
  /docs       the documents in the corpus
  /help       this help
  /quit       leave (or Ctrl-D)`;

/**
 * The terminal mode: answers each line read from `input` with cited excerpts.
 * Interactive, it shows a prompt; otherwise it answers every line and returns
 * when the input ends.
 */
export async function runTerminal(options: TerminalOptions): Promise<void> {
  const { engine, output, interactive } = options;
  const top = options.top ?? 3;
  const style = { color: options.color ?? false };
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  const lines = createInterface({ input: options.input, ...(interactive ? { output, prompt: '? ' } : {}), terminal: interactive });
  let last: { question: string; offset: number; answer: Answer } | undefined;

  const ask = (question: string, offset: number): void => {
    const answer = engine.ask(question, { limit: top, offset });
    last = { question, offset, answer };
    if (answer.kind === 'answered' && answer.excerpts.length === 0) write('No more results.');
    else write(renderAnswerForTerminal(answer, { ...style, firstNumber: offset + 1 }));
  };

  const handle = (line: string): boolean => {
    const [command = '', ...rest] = line.trim().split(/\s+/);
    const argument = rest.join(' ');
    switch (command.toLowerCase()) {
      case '':
        return true;
      case '/quit':
      case '/exit':
        return false;
      case '/help':
        write(TERMINAL_HELP);
        return true;
      case '/docs':
        write(renderDocumentsForTerminal(engine.documents(), style));
        return true;
      case '/more':
        if (last) ask(last.question, last.offset + top);
        else write('Ask a question first.');
        return true;
      case '/open': {
        const byNumber = /^\d+$/.test(argument) && last?.answer.kind === 'answered' ? last.answer.excerpts[Number(argument) - 1 - last.offset] : undefined;
        const view = engine.passage(byNumber?.citation.passageId ?? argument);
        write(view ? renderPassageForTerminal(view, style) : `No passage "${argument}". Use a result number from the last answer or a passage id such as ${engine.index.passages[0]?.id ?? 'doc#1'}.`);
        return true;
      }
      default:
        if (command.startsWith('/')) write(`Unknown command ${command}. ${TERMINAL_HELP}`);
        else ask(line.trim(), 0);
        return true;
    }
  };

  if (interactive) {
    write(`Answering from ${engine.documents().length} documents (${engine.index.passages.length} passages). /help for commands.`);
    lines.prompt();
  }
  for await (const line of lines) {
    if (!handle(line)) break;
    if (interactive) {
      write('');
      lines.prompt();
    } else if (line.trim()) write('');
  }
  lines.close();
}
