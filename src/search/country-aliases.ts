import { createRequire } from 'node:module';

/** The fields of a world-countries entry this module reads. */
interface CountryEntry {
  name: { common: string };
  capital?: string[];
  demonyms?: { eng?: { f?: string; m?: string } };
  independent?: boolean;
}

let groups: string[][] | undefined;

/**
 * One alias group per country: its common name, capital and English demonyms
 * (`South Korea = Seoul = South Korean`), from the world-countries package.
 * Writers say "Seoul" or "Yemeni" for a country as often as its name. A phrase
 * that several countries claim goes to the one independent state among them
 * ("Indian" to India, not the British Indian Ocean Territory), or to none
 * ("Congolese"). Only Latin-script phrases are kept: questions are in English.
 */
export function countryAliasGroups(): readonly (readonly string[])[] {
  groups ??= buildGroups(createRequire(import.meta.url)('world-countries/countries.json') as CountryEntry[]);
  return groups;
}

function buildGroups(countries: readonly CountryEntry[]): string[][] {
  const phrasesOf = (country: CountryEntry): string[] => {
    const demonyms = country.demonyms?.eng ?? {};
    const phrases = [country.name.common, ...(country.capital ?? []), demonyms.m ?? '', demonyms.f ?? ''];
    return [...new Map(phrases.filter(isLatinPhrase).map((phrase) => [phrase.toLowerCase(), phrase])).values()];
  };
  const claimants = new Map<string, CountryEntry[]>();
  for (const country of countries) {
    for (const phrase of phrasesOf(country)) claimants.set(phrase.toLowerCase(), [...(claimants.get(phrase.toLowerCase()) ?? []), country]);
  }
  const ownerOf = (phrase: string): CountryEntry | undefined => {
    const claims = claimants.get(phrase.toLowerCase())!;
    if (claims.length === 1) return claims[0];
    const independent = claims.filter((country) => country.independent);
    return independent.length === 1 ? independent[0] : undefined;
  };
  return countries
    .map((country) => phrasesOf(country).filter((phrase) => ownerOf(phrase) === country))
    .filter((group) => group.length >= 2);
}

function isLatinPhrase(phrase: string): boolean {
  return /^\p{Script=Latin}[\p{Script=Latin} .'’-]*$/u.test(phrase);
}

/**
 * Adds general alias groups to a corpus's own: a general group that shares a
 * phrase with one of the corpus's groups joins it (the corpus's "North Korea =
 * DPRK" gains "Pyongyang"), any other is added as it is. The corpus's groups
 * come first, so they win where a phrase could mean either.
 */
export function mergeAliasGroups(own: readonly (readonly string[])[], general: readonly (readonly string[])[]): string[][] {
  const merged = own.map((group) => [...group]);
  const ownCount = merged.length;
  for (const group of general) {
    const lower = new Set(group.map((phrase) => phrase.toLowerCase()));
    const host = merged.slice(0, ownCount).find((candidate) => candidate.some((phrase) => lower.has(phrase.toLowerCase())));
    if (!host) {
      merged.push([...group]);
      continue;
    }
    const known = new Set(host.map((phrase) => phrase.toLowerCase()));
    for (const phrase of group) if (!known.has(phrase.toLowerCase())) host.push(phrase);
  }
  return merged;
}
