/**
 * English stop words: function words that carry no topic. Used by the analyzer
 * (dropped from questions and the index) and by the glued-word repair (as
 * words it may split off). Question words are included: "who" or "how many"
 * say what kind of answer is wanted, not what it is about.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
  each either else ever few for from further get gets got had hadn't has hasn't have haven't having he he'd he'll
  he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it
  it's its itself just let's like many may me might more most much must mustn't my myself no nor not now of off
  often on once only or other ought our ours ourselves out over own per quite rather really same shall shan't she
  she'd she'll she's should shouldn't since so some such than that that's the their theirs them themselves then
  there there's these they they'd they'll they're they've this those though through thus to too under until up
  upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether
  which while who who's whom whose why why's will with within without won't would wouldn't yet you you'd you'll
  you're you've your yours yourself yourselves tell know explain describe give please according
  say says said one ones`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a lowercased word is a stop word. */
export function isStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word);
}

/**
 * Contractions typed without their apostrophe, as people do in chat ("whats",
 * "dont"): stop words like their spelled forms for search, but kept apart from
 * the stop words the glued-word repair may split off, where "whats" or "im"
 * could cut real words. "id", "ill", "well" and "were" are left out: they are
 * words of their own.
 */
const BARE_CONTRACTIONS: ReadonlySet<string> = new Set(
  `arent cant couldnt didnt doesnt dont hadnt hasnt havent hes hows im isnt ive lets shes shouldnt thats theres
  theyre theyve wasnt weve werent whats whens wheres whos whys wont wouldnt youre youve`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a lowercased word carries no topic in a question or a passage: a stop word or one of them typed without its apostrophe. */
export function isSearchStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word) || BARE_CONTRACTIONS.has(word);
}
