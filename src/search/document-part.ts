import type { Document, Passage, Section, Span } from '../corpus/types.ts';

/**
 * A part of a document that questions point at by its place rather than its
 * words: "according to the conclusion", "per the intro", "in the FAQ".
 */
export type DocumentPart = 'opening' | 'closing' | 'questions';

/** A part the question names, and where it names it. */
export interface PartReference {
  part: DocumentPart;
  /** Offsets of the naming words in the question. */
  start: number;
  end: number;
}

const DETERMINER = String.raw`(?:the|its|this|that|their)`;
const DOCUMENT_NOUN = String.raw`(?:article|piece|blog|post|writeup|write-up|report|paper|story|essay|column|op-ed|explainer|analysis|commentary|author|writer)`;
/**
 * What opens the naming words: a determiner, a document noun ("the blog's
 * closing question", "aid article intro"), or the question's start ("intro:
 * what ...", "end of the upheaval post - ...").
 */
const OPENER = String.raw`(?:${DETERMINER}|${DOCUMENT_NOUN}(?:['\u2019]s)?)`;
const PART_NOUN = String.raw`(?:paragraphs?|sections?|parts?|bits?|lines?|words|sentences?|thoughts|remarks|passages?)`;

/** A part word and the part it names. Words that have other senses ("the opening year", "the end of the war") are `guarded`. */
const PART_WORDS: ReadonlyArray<{ words: string; part: DocumentPart; guarded: boolean }> = [
  { words: 'introduction|intro|outset|lede|preamble', part: 'opening', guarded: false },
  { words: 'opening|beginning|start', part: 'opening', guarded: true },
  { words: 'conclusions?|wrap-?up|outro|epilogue|coda', part: 'closing', guarded: false },
  { words: 'closing|ending|end|close', part: 'closing', guarded: true },
];

/** "the first paragraph", "its closing section": a position word and a part noun. */
const POSITION_PHRASE = new RegExp(String.raw`(?:\b${OPENER}\s+|^\s*)(?:(first|opening|initial)|(final|last|closing|concluding))\s+${PART_NOUN}\b`, 'iu');
/** The questions-and-answers part, however written. */
const QUESTIONS_PHRASE = /\b(?:FAQs?|F\.A\.Q\.?s?|Q\s?&\s?As?|frequently asked questions)(?![\p{L}\p{N}])/iu;
const PART_WORD = new RegExp(String.raw`(?:\b(${OPENER})\s+|^\s*)(${PART_WORDS.map(({ words }) => words).join('|')})\b`, 'giu');
/** After a guarded word, what shows it names a part of the text: the end, punctuation, or a verb of saying ("the opening says", "its closing warning"). */
const NAMING_FOLLOWER = /^\s*(?:$|[,.;:?!)]|(?:says?|said|mentions?|notes?|calls?|describes?|warns?|argues?|asks?|suggests?|states?|claims?|adds?|stresses|concludes?|puts?|reads?|warning|question|argument|point|line)\b)/iu;
/** "the conclusion of the article": `of` may only lead to a document, or the words name something else ("the end of the war"). */
const OF_DOCUMENT = new RegExp(String.raw`^\s+of\s+(?:${DETERMINER}\s+)?(?:[\p{L}-]+\s+){0,3}?${DOCUMENT_NOUN}\b`, 'iu');

/**
 * The part of a document a question names: its opening ("the intro", "the
 * first paragraph"), its closing ("the conclusion", "the blog's closing
 * question", "the last section") or its questions and answers ("the FAQ").
 * Words that also name other things count only where nothing else is meant:
 * "the opening year of the war" and "ending up" name no part.
 */
export function partReferredTo(question: string): PartReference | undefined {
  const questions = QUESTIONS_PHRASE.exec(question);
  if (questions) return { part: 'questions', start: questions.index, end: questions.index + questions[0].length };
  const position = POSITION_PHRASE.exec(question);
  if (position) return { part: position[1] ? 'opening' : 'closing', start: position.index, end: position.index + position[0].length };
  for (const match of question.matchAll(PART_WORD)) {
    const [whole, opener = '', word] = match as unknown as [string, string | undefined, string];
    const { part, guarded } = PART_WORDS.find(({ words }) => new RegExp(`^(?:${words})$`, 'iu').test(word))!;
    const after = question.slice(match.index + whole.length);
    const ofDocument = OF_DOCUMENT.exec(after);
    // After a document noun the word can only name its part; at the question's start it may be the topic ("End of the war: ...").
    const possessive = opener !== '' && !new RegExp(`^${DETERMINER}$`, 'iu').test(opener);
    if (/^\s+of\b/iu.test(after) && !ofDocument) continue;
    if (guarded && !possessive && !ofDocument && !NAMING_FOLLOWER.test(after)) continue;
    // The document's own words stay: they may name it ("the Guardian piece") or its topic ("the foreign-aid article").
    return { part, start: match.index, end: match.index + whole.length };
  }
  return undefined;
}

/** The question with the words that name a part blanked out, offsets unchanged. */
export function withoutPart(question: string, reference: PartReference | undefined): string {
  if (!reference) return question;
  return question.slice(0, reference.start) + ' '.repeat(reference.end - reference.start) + question.slice(reference.end);
}

const OPENING_HEADING = /\b(?:introduction|intro|overview|preface|foreword)\b/iu;
const CLOSING_HEADING = /\b(?:conclusions?|concluding|closing|final|summary|wrap-?up|takeaways?|bottom line|outlook|epilogue|last bit)\b/iu;
const QUESTIONS_HEADING = /\b(?:FAQs?|Q\s?&\s?As?|frequently asked|questions)\b/iu;
/** A paragraph that asks one of a document's questions and answers ("Q: ...", "Question 3. ..."). */
const QUESTION_PARAGRAPH = /^\s*(?:Q|Question)\s*\d*\s*[:.)]/u;
/** In a document without headings, its opening and closing are this share of its text at either end. */
const UNHEADED_SHARE = 0.2;

const partSpans = new WeakMap<Document, Record<DocumentPart, Span[]>>();

/** Whether a passage lies in (or overlaps) the named part of its document. */
export function isInPart(document: Document, passage: Passage, part: DocumentPart): boolean {
  let spans = partSpans.get(document);
  if (!spans) partSpans.set(document, (spans = spansOfParts(document)));
  return spans[part].some((span) => passage.start < span.end && passage.end > span.start);
}

/**
 * Where a document's parts lie. A heading that names a part marks it
 * ("Conclusion", "FAQs"); else the opening is the text before the first
 * heading (or the first section), the closing the last section that is not
 * questions and answers, and in a document without headings a fifth of its
 * text at either end.
 */
function spansOfParts(document: Document): Record<DocumentPart, Span[]> {
  const { sections, text } = document;
  const named = (heading: RegExp): Section[] => sections.filter((section) => heading.test(section.heading));
  const questions = [
    ...named(QUESTIONS_HEADING),
    ...document.paragraphs.filter((paragraph) => QUESTION_PARAGRAPH.test(text.slice(paragraph.start, paragraph.end))),
  ];
  const body = sections.filter((section) => !QUESTIONS_HEADING.test(section.heading));
  const openingSection = named(OPENING_HEADING);
  const closingSection = named(CLOSING_HEADING).filter((section) => !QUESTIONS_HEADING.test(section.heading));
  const first = sections[0];
  const lead = first && text.slice(0, first.start).trim() !== '' ? [{ start: 0, end: first.start }] : body.slice(0, 1);
  const fifth = Math.ceil(text.length * UNHEADED_SHARE);
  return {
    opening: openingSection.length > 0 ? openingSection : sections.length > 0 ? lead : [{ start: 0, end: Math.max(fifth, firstParagraphEnd(document)) }],
    closing: closingSection.length > 0 ? closingSection : body.length > 0 ? body.slice(-1) : [{ start: Math.min(text.length - fifth, lastParagraphStart(document)), end: text.length }],
    questions,
  };
}

function firstParagraphEnd(document: Document): number {
  return document.paragraphs[0]?.end ?? document.text.length;
}

function lastParagraphStart(document: Document): number {
  return document.paragraphs.at(-1)?.start ?? 0;
}
