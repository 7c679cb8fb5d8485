import type { IrregularForms } from './inflections.ts';
import { termsOf, tokenize, type Token } from './analyzer.ts';
import { HOW_NUMBER_WORDS, HOW_TIME_WORDS } from './answer-type.ts';
import { perObject } from './memo.ts';
import type { SynonymSource } from './synonyms.ts';

/**
 * One thing the question asks about: a word, a compound or a phrase of the
 * alias file, with every way the corpus may write it.
 */
export interface Concept {
  /** The question's own words for it, as written. */
  label: string;
  /**
   * The question's own wording first (`own`, then the `part`s of a compound),
   * then aliases, then guesses and related words, weakest last among each
   * word list's additions.
   */
  alternatives: Alternative[];
  /**
   * The particle written right after a single word ("up" of "used up"), with
   * which it may make a phrasal verb; the particle itself is a stop word, or
   * says little searched for alone.
   */
  particle?: string;
}

/** One way the corpus may write a concept: terms that must all appear (`north korea`), or a single term (`dprk`). */
export interface Alternative {
  terms: string[];
  kind: AlternativeKind;
}

/**
 * What an alternative is: the question's own word, a part of its compound, an
 * alias (or another form of the same word), a guess (a synonym of a word the
 * corpus never writes, or the base word of an irregular form), or a related
 * word (a synonym of a word the corpus writes too: "buy" also finds
 * "purchase"). Searching and excerpt scoring each give every kind its own
 * weight.
 */
export type AlternativeKind = 'own' | 'part' | 'alias' | 'guess' | 'related';

/** Alias groups compiled to term sequences. */
export type AliasTable = ReadonlyArray<ReadonlyArray<readonly string[]>>;

/** Weight of an alias term relative to the question's own words. */
const ALIAS_WEIGHT = 0.6;
/** Weight of the parts of a compound relative to the compound itself. */
const PART_WEIGHT = 0.5;
/** Weight of a dictionary synonym: a guess at the corpus's word, weaker than an alias the corpus's owner wrote. */
const SYNONYM_WEIGHT = 0.3;
/** Weight of a synonym of a word the corpus writes as well: the question's own word is the better evidence. */
const RELATED_WEIGHT = 0.15;

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
  const text = withoutStopPhrases(question);
  const tokens = tokenize(text);
  const words = tokens
    .flatMap((token, t) => {
      const parts = splitWordCompound(token.raw);
      const particle = parts.length === 1 ? particleAfter(text, token, tokens[t + 1]) : undefined;
      return parts.map((raw) => ({ raw, terms: termsOf(raw), particle }));
    })
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
      concepts.push({ label, alternatives: [{ terms: [...own], kind: 'own' }, ...others.map((terms) => ({ terms: [...terms], kind: 'alias' as const }))] });
      i += own.length;
      continue;
    }
    const word = words[i]!;
    concepts.push({
      label: word.raw,
      alternatives: word.terms.map((term, k) => ({ terms: [term], kind: k === 0 ? 'own' : 'part' })),
      ...(word.particle === undefined ? {} : { particle: word.particle }),
    });
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
    for (const { terms, kind } of concept.alternatives) {
      const boost = SEARCH_WEIGHT[kind];
      for (const term of terms) {
        const known = weights.get(term);
        if (known) known.boost = Math.max(known.boost, boost);
        else weights.set(term, { boost, concept: index });
      }
    }
  });
  return weights;
}

/** The question's own terms for a concept (its first alternative). */
export function ownTerms(concept: Concept): string[] {
  return concept.alternatives[0]!.terms;
}

/** Whether the question's own wording of the concept is a single term, not a compound or a phrase ("DPRK" is; "Shahed-136" and "North Korea" are not). */
export function isOneWord(concept: Concept): boolean {
  return ownTerms(concept).length === 1 && !concept.alternatives.some((alternative) => alternative.kind === 'part');
}

const SEARCH_WEIGHT: Record<AlternativeKind, number> = { own: 1, part: PART_WEIGHT, alias: ALIAS_WEIGHT, guess: SYNONYM_WEIGHT, related: RELATED_WEIGHT };

/**
 * Adds to each one-word concept the synonyms of it that the corpus writes, as
 * alternatives after the aliases. For a word the corpus never writes ("earn")
 * they are guesses at its word ("gain"). A word the corpus writes finds its
 * own passages, but the passage that answers may say it otherwise ("buy" and
 * "purchase", "price" and "cost", a word of its family: "invade" and
 * "invasion", or of a broader or narrower meaning: "factory" and "plant");
 * its synonyms, family and kin are related words, weighed least of all, as
 * some are of other senses ("runs" and "go").
 */
export function withSynonyms(concepts: readonly Concept[], synonymsOf: SynonymSource, isKnown: (term: string) => boolean): Concept[] {
  return concepts.map((concept) => {
    if (!isOneWord(concept)) return concept;
    const kind = synonymKind(concept, isKnown);
    return withAdded(concept, newKnownTerms(synonymsOf(concept.label, kind === 'related' ? { family: true, kin: true } : {}), singleTerms(concept), isKnown, kind), 'last');
  });
}

/** How a synonym of a one-word concept counts: a guess at a word the corpus never writes, a related word of one it does. */
function synonymKind(concept: Concept, isKnown: (term: string) => boolean): 'guess' | 'related' {
  return isKnown(ownTerms(concept)[0]!) ? 'related' : 'guess';
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
    if (!isOneWord(concept)) return concept;
    const present = singleTerms(concept);
    const sameWord = newKnownTerms(forms.formsOf(concept.label), present, isKnown, 'alias');
    const guesses = newKnownTerms(forms.baseWordsOf(concept.label).flatMap((base) => [base, ...forms.formsOf(base)]), present, isKnown, 'guess');
    return withAdded(withAdded(concept, sameWord, 'afterOwn'), guesses, 'last');
  });
}

/**
 * Adds to a concept that is a number typed in digits its spelling in words,
 * when the corpus writes it, as an alias: it is the same number. Only this
 * way: a corpus's digits are often parts of names ("Geran-2").
 */
export function withNumberWords(concepts: readonly Concept[], isKnown: (term: string) => boolean): Concept[] {
  return concepts.map((concept) => {
    if (!isOneWord(concept)) return concept;
    const other = NUMBER_WORDS.get(concept.label.toLowerCase());
    if (other === undefined) return concept;
    return withAdded(concept, newKnownTerms([other], singleTerms(concept), isKnown, 'alias'), 'afterOwn');
  });
}

/**
 * The concept with alternatives added: right after its own wording (another
 * form of the same word, as strong as an alias) or last (guesses and related
 * words, the weakest).
 */
function withAdded(concept: Concept, added: readonly Alternative[], where: 'afterOwn' | 'last'): Concept {
  if (added.length === 0) return concept;
  const [own, ...rest] = concept.alternatives;
  return { ...concept, alternatives: where === 'last' ? [...concept.alternatives, ...added] : [own!, ...added, ...rest] };
}

/** The one-term alternatives a concept already has. */
function singleTerms(concept: Concept): Set<string> {
  return new Set(concept.alternatives.filter(({ terms }) => terms.length === 1).map(({ terms }) => terms[0]!));
}

/**
 * The words that analyse to one term the corpus writes and that is not in
 * `present`, each as a one-term alternative of that kind; `present` grows with them.
 */
function newKnownTerms(words: Iterable<string>, present: Set<string>, isKnown: (term: string) => boolean, kind: AlternativeKind): Alternative[] {
  const found: Alternative[] = [];
  for (const word of words) {
    const terms = termsOf(word);
    if (terms.length !== 1 || present.has(terms[0]!) || !isKnown(terms[0]!)) continue;
    present.add(terms[0]!);
    found.push({ terms: [terms[0]!], kind });
  }
  return found;
}

/** The concepts without repeats of one wording; a repeat's particle ("use ... use up") goes to the first. */
function dedupeConcepts(concepts: Concept[]): Concept[] {
  const first = new Map<string, Concept>();
  return concepts.filter((concept) => {
    const key = ownTerms(concept).join(' ');
    const kept = first.get(key);
    if (kept === undefined) return first.set(key, concept), true;
    if (concept.particle !== undefined) kept.particle ??= concept.particle;
    return false;
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

/**
 * The phrases of an alias table by their first term, in table order, made once
 * per table: with a country group for every country, scanning every phrase for
 * every word of a question doubled the time a question took to analyse.
 */
const aliasesByFirstTerm = perObject((aliases: AliasTable): Map<string, AliasEntry[]> => {
  const lookup = new Map<string, AliasEntry[]>();
  for (const group of aliases) {
    for (const phrase of group) {
      const entries = lookup.get(phrase[0]!) ?? [];
      entries.push({ phrase, group });
      lookup.set(phrase[0]!, entries);
    }
  }
  return lookup;
});

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
 * which asks for a number or a time rather than naming the topic: left in, "far" or
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

/** Particles that make a phrasal verb with the word before them ("use up", "hold back", "step in"). */
const PARTICLES = new Set(['up', 'out', 'back', 'off', 'down', 'over', 'on', 'in', 'away', 'through', 'around', 'into', 'to', 'for', 'about', 'along', 'aside']);

/** The next token, lowercased, when it is a particle and only spaces stand before it ("used, up to 2023" has none). */
function particleAfter(text: string, token: Token, next: Token | undefined): string | undefined {
  const particle = next?.raw.toLowerCase();
  return particle !== undefined && PARTICLES.has(particle) && /^ +$/.test(text.slice(token.end, next!.start)) ? particle : undefined;
}

/**
 * Adds to a single word written right before a particle the synonyms of the
 * phrasal verb they make, as its synonyms count (related words, or guesses
 * for a word the corpus never writes): "used up" means "deplete", "given up"
 * "abandon", "step in" "intervene". The irregular forms' base words find the
 * verb of a form ("held" for "hold back").
 */
export function withPhrasalVerbs(concepts: readonly Concept[], synonymsOf: SynonymSource, forms: IrregularForms | false, isKnown: (term: string) => boolean): Concept[] {
  return concepts.map((concept) => {
    const { particle } = concept;
    if (particle === undefined || !isOneWord(concept)) return concept;
    const word = concept.label.toLowerCase();
    const heads = [word, ...(forms ? forms.baseWordsOf(word) : [])];
    return withAdded(concept, newKnownTerms(heads.flatMap((head) => synonymsOf(`${head} ${particle}`)), singleTerms(concept), isKnown, synonymKind(concept, isKnown)), 'last');
  });
}

/**
 * Small numbers as chat types them and as articles spell them out: "the 4
 * countries", "the four countries". Two to twenty and the tens; "one" is a
 * stop word, and larger numbers are seldom spelled out.
 */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ...'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ').map((word, i) => [String(i + 2), word] as const),
  ...'thirty forty fifty sixty seventy eighty ninety'.split(' ').map((word, i) => [String((i + 3) * 10), word] as const),
]);
