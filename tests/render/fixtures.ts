import type { Answer, Excerpt, PassageView } from '../../src/search/types.ts';

/** An excerpt as the engine makes them, with overridable parts. */
export function excerpt(overrides: Partial<Excerpt> = {}): Excerpt {
  return {
    text: 'Iran has delivered over 3,700 Shahed-136 drones to Russia.',
    citation: { passageId: 'russia-partners#2', docId: 'russia-partners', title: "Russia's War Partners", section: "Iran's Role", url: 'https://example.org/partners' },
    score: 0.9,
    start: 0,
    end: 58,
    highlights: [
      { start: 0, end: 4 },
      { start: 41, end: 47 },
    ],
    matchedTerms: ['iran', 'drones'],
    ...overrides,
  };
}

export function answered(excerpts: Excerpt[], total = excerpts.length, question = 'How many drones did Iran send?'): Answer {
  return { kind: 'answered', question, excerpts, total, confidence: 1 };
}

export const passageView: PassageView = {
  passage: { id: 'russia-partners#2', docId: 'russia-partners', section: "Iran's Role", ordinal: 2, start: 100, end: 180, text: 'Iran has delivered over 3,700 Shahed-136 drones.\nThese *kamikaze* drones hit @everyone.' },
  citation: { passageId: 'russia-partners#2', docId: 'russia-partners', title: "Russia's War Partners", section: "Iran's Role", source: 'Example News' },
  previousId: 'russia-partners#1',
  nextId: 'russia-partners#3',
};
