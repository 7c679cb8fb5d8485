import type { IrregularForms } from './inflections.ts';
import { termsOf, tokenize } from './analyzer.ts';
import { HOW_NUMBER_WORDS, HOW_TIME_WORDS } from './answer-type.ts';

/**
 * One thing the question asks about: a word, a compound or a phrase of the
 * alias file, with every way the corpus may write it. An alternative is a list
 * of terms that must all appear (`north korea`), or a single term (`dprk`).
 */
export interface Concept {
  /** The question's own words for it, as written. */
  label: string;
  /** The question's own terms first, then the alias alternatives. */
  alternatives: string[][];
  /** How many of the alternatives are the question's own wording (the rest are aliases). */
  ownCount: number;
  /**
   * Alternatives from this one on are guesses: synonyms of a word the corpus
   * never writes (see `withSynonyms`), or the base word of an irregular form
   * (see `withIrregularForms`).
   */
  synonymFrom?: number;
}


/** Alias groups compiled to term sequences. */
export type AliasTable = ReadonlyArray<ReadonlyArray<readonly string[]>>;

/** Weight of an alias term relative to the question's own words. */
const ALIAS_WEIGHT = 0.6;
/** Weight of the parts of a compound relative to the compound itself. */
const PART_WEIGHT = 0.5;
/** Weight of a dictionary synonym: a guess at the corpus's word, weaker than an alias the corpus's owner wrote. */
const SYNONYM_WEIGHT = 0.3;

/** Compiles alias groups (`[["North Korea", "DPRK"], ...]`) to the terms each phrase analyses to. */
export function compileAliases(groups: readonly (readonly string[])[]): AliasTable {
  return groups
    .map((group) => group.map((phrase) => phraseTerms(phrase)).filter((terms) => terms.length > 0))
    .filter((group) => group.length >= 2);
}

/**
 * Splits a question into the concepts it asks about. Alias
 * phrases are matched longest first over the question's terms, so "North
 * Korea" is one concept that also stands for "DPRK" and "Pyongyang".
 * `extraAliases` are this question's own (its acronyms), kept apart so that
 * the index's table keeps the lookup made for it once.
 */
export function analyzeQuestion(question: string, aliases: AliasTable, extraAliases: AliasTable = []): Concept[] {
  const words = tokenize(withoutStopPhrases(question))
    .flatMap((token) => splitWordCompound(token.raw))
    .map((raw) => ({ raw, terms: termsOf(raw) }))
    .filter((word) => word.terms.length > 0);
  const concepts: Concept[] = [];
  const firstTerms = words.map((word) => word.terms[0]!);
  for (let i = 0; i < words.length; ) {
    const alias = longestAliasAt(firstTerms, i, aliases, extraAliases);
    if (alias) {
      const own = alias.phrase;
      const others = alias.group.filter((terms) => terms.join(' ') !== own.join(' '));
      const label = words
        .slice(i, i + own.length)
        .map((word) => word.raw)
        .join(' ');
      concepts.push({ label, alternatives: [[...own], ...others.map((terms) => [...terms])], ownCount: 1 });
      i += own.length;
      continue;
    }
    const word = words[i]!;
    concepts.push({ label: word.raw, alternatives: word.terms.map((term) => [term]), ownCount: word.terms.length });
    i++;
  }
  return dedupeConcepts(concepts);
}

/**
 * Every term to look up for the concepts, with the weight it is searched with
 * (the question's own words 1, parts of its compounds and aliases less) and the
 * first concept that asks for it. Terms come in the order of their concepts.
 */
export function weighTerms(concepts: readonly Concept[]): Map<string, { boost: number; concept: number }> {
  const weights = new Map<string, { boost: number; concept: number }>();
  concepts.forEach((concept, index) => {
    concept.alternatives.forEach((terms, i) => {
      const boost = SEARCH_WEIGHT[alternativeKind(concept, i)];
      for (const term of terms) {
        const known = weights.get(term);
        if (known) known.boost = Math.max(known.boost, boost);
        else weights.set(term, { boost, concept: index });
      }
    });
  });
  return weights;
}

/**
 * What a concept's alternative `i` is: the question's own word, a part of its
 * compound, an alias, or a guess (a synonym, or the base word of an irregular
 * form). Searching and excerpt scoring each give every kind its own weight.
 */
export type AlternativeKind = 'own' | 'part' | 'alias' | 'guess';

export function alternativeKind(concept: Concept, i: number): AlternativeKind {
  if (i < concept.ownCount) return i === 0 ? 'own' : 'part';
  return concept.synonymFrom !== undefined && i >= concept.synonymFrom ? 'guess' : 'alias';
}

const SEARCH_WEIGHT: Record<AlternativeKind, number> = { own: 1, part: PART_WEIGHT, alias: ALIAS_WEIGHT, guess: SYNONYM_WEIGHT };

/**
 * Adds to each one-word concept that the corpus never writes ("earn") the
 * synonyms it does write ("gain"), as alternatives after the aliases. A word
 * the corpus writes is left alone: it finds its passages itself, and its
 * synonyms would only add other senses.
 */
export function withSynonyms(concepts: readonly Concept[], synonymsOf: (word: string) => readonly string[], isKnown: (term: string) => boolean): Concept[] {
  return concepts.map((concept) => {
    const own = concept.alternatives[0]!;
    if (concept.ownCount !== 1 || own.length !== 1 || isKnown(own[0]!)) return concept;
    const added = newKnownTerms(synonymsOf(concept.label), singleTerms(concept), isKnown);
    return added.length === 0 ? concept : { ...concept, alternatives: [...concept.alternatives, ...added], synonymFrom: concept.alternatives.length };
  });
}

/**
 * Adds to each one-word concept the irregular forms of it that the corpus
 * writes, which no stemmer finds. The forms of a base word are the same word
 * ("meet" finds "met", "sell" finds "sold") and count as the question's word
 * in other words, like an alias. The base word of a form is a guess, after the
 * synonyms: "born" is a form of "bear", "found" of "find", but neither often
 * means it.
 */
export function withIrregularForms(concepts: readonly Concept[], forms: IrregularForms, isKnown: (term: string) => boolean): Concept[] {
  return concepts.map((concept) => {
    const own = concept.alternatives[0]!;
    if (concept.ownCount !== 1 || own.length !== 1) return concept;
    const present = singleTerms(concept);
    const sameWord = newKnownTerms(forms.formsOf(concept.label), present, isKnown);
    const guesses = newKnownTerms(forms.baseWordsOf(concept.label).flatMap((base) => [base, ...forms.formsOf(base)]), present, isKnown);
    if (sameWord.length === 0 && guesses.length === 0) return concept;
    const alternatives = [...concept.alternatives.slice(0, concept.ownCount), ...sameWord, ...concept.alternatives.slice(concept.ownCount), ...guesses];
    const synonymFrom = concept.synonymFrom !== undefined ? concept.synonymFrom + sameWord.length : guesses.length > 0 ? alternatives.length - guesses.length : undefined;
    return { ...concept, alternatives, ...(synonymFrom === undefined ? {} : { synonymFrom }) };
  });
}

/** The one-term alternatives a concept already has. */
function singleTerms(concept: Concept): Set<string> {
  return new Set(concept.alternatives.filter((terms) => terms.length === 1).map((terms) => terms[0]!));
}

/**
 * The words that analyse to one term the corpus writes and that is not in
 * `present`, each as a one-term alternative; `present` grows with them.
 */
function newKnownTerms(words: Iterable<string>, present: Set<string>, isKnown: (term: string) => boolean): string[][] {
  const found: string[][] = [];
  for (const word of words) {
    const terms = termsOf(word);
    if (terms.length !== 1 || present.has(terms[0]!) || !isKnown(terms[0]!)) continue;
    present.add(terms[0]!);
    found.push([terms[0]!]);
  }
  return found;
}

function dedupeConcepts(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((concept) => {
    const key = concept.alternatives[0]!.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The longest phrase of the tables that starts at `at`; on a tie, the first table's, then the first group's. */
function longestAliasAt(terms: readonly string[], at: number, ...tables: AliasTable[]): AliasEntry | undefined {
  let best: AliasEntry | undefined;
  for (const table of tables) {
    if (table.length === 0) continue;
    for (const entry of aliasesByFirstTerm(table).get(terms[at]!) ?? []) {
      if (best && entry.phrase.length <= best.phrase.length) continue;
      if (entry.phrase.every((term, k) => terms[at + k] === term)) best = entry;
    }
  }
  return best;
}

type AliasEntry = { phrase: readonly string[]; group: ReadonlyArray<readonly string[]> };
const aliasLookups = new WeakMap<AliasTable, Map<string, AliasEntry[]>>();

/**
 * The phrases of an alias table by their first term, in table order, made once
 * per table: with a country group for every country, scanning every phrase for
 * every word of a question doubled the time a question took to analyse.
 */
function aliasesByFirstTerm(aliases: AliasTable): Map<string, AliasEntry[]> {
  let lookup = aliasLookups.get(aliases);
  if (lookup) return lookup;
  lookup = new Map();
  for (const group of aliases) {
    for (const phrase of group) {
      const entries = lookup.get(phrase[0]!) ?? [];
      entries.push({ phrase, group });
      lookup.set(phrase[0]!, entries);
    }
  }
  aliasLookups.set(aliases, lookup);
  return lookup;
}

/**
 * A compound of plain words (`Beijing-Tehran-Moscow`, `energy-for-labor`) asks
 * about each of its words, each with its own aliases; compounds with digits
 * (`Shahed-136`, `KN-23`) stay one concept.
 */
function splitWordCompound(raw: string): string[] {
  return /^\p{L}+(?:[-/]\p{L}+)+$/u.test(raw) ? raw.split(/[-/]/) : [raw];
}

function phraseTerms(phrase: string): string[] {
  return tokenize(phrase).flatMap((token) => termsOf(token.raw).slice(0, 1));
}

/**
 * English idioms whose words say nothing about the topic ("so far", "at least",
 * "in military terms"), and the adjective of a "how long/far/old ..." question,
 * which asks for a number rather than naming the topic: left in, "far" or
 * "terms" would weigh like a rare word, and "long" would find "long-range".
 */
const STOP_PHRASES = new RegExp(
  String.raw`\b(?:so far|as well|at least|at most|at all|at first|at last|after all|by far|of course|in fact|in short|in general|in particular|in order to|for example|for instance|such as|rather than|as far as|a lot|a bit|kind of|sort of|so on|right now|these days|on the whole|as a whole|first of all|in any case|(?<=how )(?:${[...HOW_NUMBER_WORDS, ...HOW_TIME_WORDS].join('|')}))\b|\b(?<=in (?:\p{L}+ )?)terms\b`,
  'giu',
);

/** The question with idioms that carry no topic blanked out (offsets unchanged). */
function withoutStopPhrases(question: string): string {
  return question.replace(STOP_PHRASES, (phrase) => ' '.repeat(phrase.length));
}
