import type { Document, Passage, Span } from '../corpus/types.ts';
import { DOCUMENT_NOUN_PATTERN, SAYING_VERBS } from './document-words.ts';
import { perObject } from './memo.ts';

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
/**
 * What opens the naming words: a determiner, or a document noun ("the blog's
 * closing question", "aid article intro"). The question's start opens them
 * too ("intro: what ...", "end of the upheaval post - ...").
 */
const OPENER = String.raw`(?:(?<determiner>${DETERMINER})|${DOCUMENT_NOUN_PATTERN}(?:['\u2019]s)?)`;
const PART_NOUN = String.raw`(?:paragraphs?|sections?|parts?|bits?|lines?|words|sentences?|thoughts|remarks|passages?)`;

/**
 * The words that name each part, alone ("the intro") or as a position before
 * a part noun ("the last paragraph"). Words with other senses ("the opening
 * year", "the end of the war", "from the start") are guarded.
 */
const PART_WORDS = String.raw`(?<opening>introduction|intro|outset|lede|preamble)|(?<openingGuarded>opening|beginning|start)|(?<closing>conclusions?|wrap-?up|outro|epilogue|coda)|(?<closingGuarded>closing|ending|end|close)`;
const POSITION_WORDS = String.raw`(?:(?<firstPosition>first|opening|initial)|(?<lastPosition>final|last|closing|concluding))\s+${PART_NOUN}`;
const PART_NAME = new RegExp(String.raw`(?:\b(?<opener>${OPENER})\s+|^\s*)(?:${POSITION_WORDS}|${PART_WORDS})\b`, 'giu');
/** The questions-and-answers part, however written. */
const QUESTIONS_PHRASE = /\b(?:FAQs?|F\.A\.Q\.?s?|Q\s?&\s?As?|frequently asked questions)(?![\p{L}\p{N}])/iu;
/** After a guarded word, a verb of saying shows it names a part of the text ("the opening says", "its closing warning"). */
const SAYING_FOLLOWER = new RegExp(
  String.raw`^\s*(?:(?:${[...SAYING_VERBS, 'say', 'call', 'warn', 'ask', 'suggest', 'add', 'put', 'read'].join('|')})s?|said|stresses|warning|question|argument|point|line)\b`,
  'iu',
);
/** The end of the question or of a clause. */
const CLAUSE_END = /^\s*(?:$|[,.;:?!)])/u;
/** "the conclusion of the article": `of` may only lead to a document, or the words name something else ("the end of the war", "the last line of defence"). */
const OF_DOCUMENT = new RegExp(String.raw`^\s+of\s+(?:${DETERMINER}\s+)?(?:[\p{L}-]+\s+){0,3}?${DOCUMENT_NOUN_PATTERN}\b`, 'iu');

/**
 * The part of a document a question names: its opening ("the intro", "the
 * first paragraph"), its closing ("the conclusion", "the blog's closing
 * question", "the last section") or its questions and answers ("the FAQ").
 * Words that also name other things count only where nothing else is meant:
 * "the opening year of the war", "the last line of defence", "from the
 * start" and "ending up" name no part; "per the opening", "the end of the
 * article" and "the closing section says" do.
 */
export function partReferredTo(question: string): PartReference | undefined {
  const questions = QUESTIONS_PHRASE.exec(question);
  if (questions) return { part: 'questions', start: questions.index, end: questions.index + questions[0].length };
  for (const match of question.matchAll(PART_NAME)) {
    const groups = match.groups!;
    const after = question.slice(match.index + match[0].length);
    const ofDocument = OF_DOCUMENT.test(after);
    if (/^\s+of\b/iu.test(after) && !ofDocument) continue;
    // After a document noun the words can only name its part; after a determiner or at the start they may name the topic.
    const afterDocumentNoun = groups['opener'] !== undefined && groups['determiner'] === undefined;
    const guarded = groups['openingGuarded'] !== undefined || groups['closingGuarded'] !== undefined;
    if (guarded && !afterDocumentNoun && !ofDocument && !SAYING_FOLLOWER.test(after)) {
      // "per the opening", "according to the end": a bare guarded word names a part only after words that point at a source.
      const pointed = /(?:\bper|\baccording to)\s+$/iu.test(question.slice(0, match.index)) && CLAUSE_END.test(after);
      if (!pointed) continue;
    }
    const opening = groups['opening'] ?? groups['openingGuarded'] ?? groups['firstPosition'];
    // The document's own words stay: they may name it ("the Guardian piece") or its topic ("the foreign-aid article").
    return { part: opening !== undefined ? 'opening' : 'closing', start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

const OPENING_HEADING = /\b(?:introduction|intro|overview|preface|foreword)\b/iu;
const CLOSING_HEADING = /\b(?:conclusions?|concluding|closing|final|summary|wrap-?up|takeaways?|bottom line|outlook|epilogue|last bit)\b/iu;
const QUESTIONS_HEADING = /\b(?:FAQs?|Q\s?&\s?As?|frequently asked)\b/iu;
/** A paragraph that asks one of a document's questions and answers ("Q: ...", "Question 3. ..."). */
const QUESTION_PARAGRAPH = /^\s*(?:Q|Question)\s*\d*\s*[:.)]/iu;
/** In a document without headings, its opening and closing are this share of its text at either end. */
const UNHEADED_SHARE = 0.2;

/** Whether a passage begins in the named part of its document. */
export function isInPart(document: Document, passage: Passage, part: DocumentPart): boolean {
  return spansOfParts(document)[part].some((span) => passage.start >= span.start && passage.start < span.end);
}

/**
 * Where a document's parts lie. A heading that names a part marks it
 * ("Introduction" in the first half, "Conclusion" in the second, "FAQs"
 * anywhere), as do paragraphs that open with "Q:". Else, in a document with
 * headings, the opening is the text before the first heading (or the first
 * section) and the closing the last section that is not questions and
 * answers; in a document without headings, a fifth of its text at either end
 * (at least its first and last paragraph).
 */
const spansOfParts = perObject((document: Document): Record<DocumentPart, Span[]> => {
  const { sections, text } = document;
  const half = text.length / 2;
  const questions = [
    ...sections.filter((section) => QUESTIONS_HEADING.test(section.heading)),
    ...document.paragraphs.filter((paragraph) => QUESTION_PARAGRAPH.test(text.slice(paragraph.start, paragraph.end))),
  ];
  if (sections.length === 0) {
    const fifth = Math.ceil(text.length * UNHEADED_SHARE);
    return {
      opening: [{ start: 0, end: Math.max(fifth, firstParagraphEnd(document)) }],
      closing: [{ start: Math.min(text.length - fifth, lastParagraphStart(document)), end: text.length }],
      questions,
    };
  }
  const body = sections.filter((section) => !QUESTIONS_HEADING.test(section.heading));
  const lead: Span[] = text.slice(0, sections[0]!.start).trim() !== '' ? [{ start: 0, end: sections[0]!.start }] : [];
  const openingSections = body.filter((section) => section.start < half && OPENING_HEADING.test(section.heading));
  const closingSections = body.filter((section) => section.start >= half && CLOSING_HEADING.test(section.heading));
  return {
    opening: openingSections.length > 0 ? openingSections : lead.length > 0 ? lead : body.slice(0, 1),
    closing: closingSections.length > 0 ? closingSections : body.length > 0 ? body.slice(-1) : lead,
    questions,
  };
});

function firstParagraphEnd(document: Document): number {
  return document.paragraphs[0]?.end ?? document.text.length;
}

function lastParagraphStart(document: Document): number {
  return document.paragraphs.at(-1)?.start ?? 0;
}
