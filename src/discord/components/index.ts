import type { ButtonHandler } from '../context.ts';
import { answerButtons } from './answer-buttons.ts';
import { passageButtons } from './passage-buttons.ts';

/** Every button handler, by the actions they take. */
export const buttonHandlers: readonly ButtonHandler[] = [answerButtons, passageButtons];
