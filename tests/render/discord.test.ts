import { describe, expect, it } from 'vitest';
import { renderAnswerForDiscord } from '../../src/render/answer.ts';
import { decodeButtonAction, encodeButtonAction } from '../../src/render/custom-ids.ts';
import { renderDocumentListForDiscord, renderDocumentOutlineForDiscord } from '../../src/render/documents.ts';
import { renderPassageForDiscord } from '../../src/render/passage.ts';
import type { DocumentSummary } from '../../src/search/index.ts';
import { answered, excerpt, passageView } from './fixtures.ts';

const documents: DocumentSummary[] = [
  { id: 'russia-partners', title: "Russia's War Partners", source: 'Example News', url: 'https://example.org/partners', file: 'a.txt', passageCount: 20, sections: ["Iran's Role", 'North Korea'] },
  { id: 'arms', title: 'Arms *Procurement*', file: 'b.txt', passageCount: 1, sections: [] },
];

describe('renderAnswerForDiscord', () => {
  it('renders a private answer: question, one embed per excerpt, matched terms in bold, citation in the footer, buttons', () => {
    expect(renderAnswerForDiscord(answered([excerpt()], 4), { questionKey: 'k3y', limit: 1 })).toMatchInlineSnapshot(`
      {
        "components": [
          {
            "components": [
              {
                "custom_id": "passage:open:russia-partners#2",
                "label": "Full passage 1",
                "style": 2,
                "type": 2,
              },
            ],
            "type": 1,
          },
          {
            "components": [
              {
                "custom_id": "ask:more:k3y:1:1",
                "label": "More results",
                "style": 1,
                "type": 2,
              },
              {
                "custom_id": "ask:share:k3y:0:1",
                "label": "Share in channel",
                "style": 3,
                "type": 2,
              },
            ],
            "type": 1,
          },
        ],
        "content": "**Q:** How many drones did Iran send?
      -# Excerpts 1–1 of 4, quoted from the documents",
        "embeds": [
          {
            "color": 5793266,
            "description": ">>> **Iran** has delivered over 3,700 Shahed-136 **drones** to Russia.",
            "footer": {
              "text": "§ Iran's Role · passage russia-partners#2",
            },
            "title": "1. Russia's War Partners",
            "url": "https://example.org/partners",
          },
        ],
      }
    `);
  });

  it('renders a shared answer without Share, marked with who shared it', () => {
    const payload = renderAnswerForDiscord(answered([excerpt()], 1), { questionKey: 'k3y', visibility: 'public', sharedBy: '42' });
    expect(payload.content).toMatchInlineSnapshot(`
      "**Q:** How many drones did Iran send?
      -# 1 excerpt, quoted from the documents
      -# Shared by <@42>"
    `);
    expect(payload.components).toMatchInlineSnapshot(`
      [
        {
          "components": [
            {
              "custom_id": "passage:open:russia-partners#2",
              "label": "Full passage 1",
              "style": 2,
              "type": 2,
            },
          ],
          "type": 1,
        },
      ]
    `);
  });

  it('numbers excerpts from the offset and offers no More results on the last page', () => {
    const payload = renderAnswerForDiscord(answered([excerpt()], 4), { questionKey: 'k3y', offset: 3, limit: 3 });
    expect(payload.embeds?.[0]?.title).toBe("4. Russia's War Partners");
    expect(payload.content).toContain('Excerpts 4–4 of 4');
    expect(payload.components?.flatMap((row) => row.components.map((button) => button.label))).toEqual(['Full passage 4', 'Share in channel']);
  });

  it('gives two excerpts of the same passage one Full passage button', () => {
    const other = excerpt({ citation: { ...excerpt().citation, passageId: 'russia-partners#7' } });
    const payload = renderAnswerForDiscord(answered([excerpt(), other, excerpt({ text: 'Later in the same passage.' })]), { questionKey: 'k', limit: 3 });
    const buttons = payload.components?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((button) => button.label)).toEqual(['Full passage 1 & 3', 'Full passage 2', 'Share in channel']);
    expect(new Set(buttons.map((button) => button.custom_id)).size).toBe(buttons.length);
  });

  it('answers no match with the engine message and no embed', () => {
    const payload = renderAnswerForDiscord({ kind: 'no-match', question: 'pizza', reason: 'off-topic', message: 'I could not find that in the documents.' });
    expect(payload).toMatchInlineSnapshot(`
      {
        "content": "I could not find that in the documents.",
      }
    `);
  });

  it('escapes corpus text and neutralises mentions in excerpts', () => {
    const text = 'Use **this** @everyone <@123> `code`';
    const payload = renderAnswerForDiscord(answered([excerpt({ text, highlights: [{ start: 6, end: 10 }] })]));
    expect(payload.embeds?.[0]?.description).toMatchInlineSnapshot(`">>> Use \\*\\***this**\\*\\* @​everyone \\<​@123\\> \\\`code\\\`"`);
  });

  it('leaves out the Full passage button whose custom_id would pass 100 characters', () => {
    const long = excerpt({ citation: { ...excerpt().citation, passageId: `${'x'.repeat(100)}#1` } });
    const payload = renderAnswerForDiscord(answered([long]), { questionKey: 'k' });
    expect(payload.components?.flatMap((row) => row.components.map((button) => button.label))).toEqual(['Share in channel']);
  });
});

describe('renderPassageForDiscord', () => {
  it('shows the passage in full with its citation and neighbours', () => {
    expect(renderPassageForDiscord(passageView)).toMatchInlineSnapshot(`
      {
        "components": [
          {
            "components": [
              {
                "custom_id": "passage:nav:russia-partners#1",
                "label": "◀ Previous",
                "style": 2,
                "type": 2,
              },
              {
                "custom_id": "passage:nav:russia-partners#3",
                "label": "Next ▶",
                "style": 2,
                "type": 2,
              },
              {
                "custom_id": "passage:share:russia-partners#2",
                "label": "Share in channel",
                "style": 3,
                "type": 2,
              },
            ],
            "type": 1,
          },
        ],
        "content": "Passage **russia-partners#2**, quoted in full",
        "embeds": [
          {
            "color": 5793266,
            "description": ">>> Iran has delivered over 3,700 Shahed-136 drones.
      These \\*kamikaze\\* drones hit @​everyone.",
            "footer": {
              "text": "§ Iran's Role · passage russia-partners#2 · Example News",
            },
            "title": "Russia's War Partners",
          },
        ],
      }
    `);
  });

  it('opens neighbours privately from a shared passage', () => {
    const payload = renderPassageForDiscord({ ...passageView, previousId: undefined }, { visibility: 'public', sharedBy: '7' });
    expect(payload.components).toMatchInlineSnapshot(`
      [
        {
          "components": [
            {
              "custom_id": "passage:open:russia-partners#3",
              "label": "Next ▶",
              "style": 2,
              "type": 2,
            },
          ],
          "type": 1,
        },
      ]
    `);
  });
});

describe('documents', () => {
  it('lists documents with sources and passage counts', () => {
    expect(renderDocumentListForDiscord(documents)).toMatchInlineSnapshot(`
      {
        "embeds": [
          {
            "color": 5793266,
            "description": "2 documents, 21 passages. Use \`/docs document:\` for an outline and \`/source\` to read a passage.",
            "fields": [
              {
                "name": "Russia's War Partners",
                "value": "Example News · 20 passages · 2 sections · id \`russia-partners\`",
              },
              {
                "name": "Arms \\*Procurement\\*",
                "value": "1 passage · 0 sections · id \`arms\`",
              },
            ],
            "title": "Documents in the corpus",
          },
        ],
      }
    `);
  });

  it('outlines one document by its sections', () => {
    expect(renderDocumentOutlineForDiscord(documents[0]!).embeds?.[0]?.description).toMatchInlineSnapshot(`
      "1\\. Iran's Role
      2\\. North Korea"
    `);
  });

  it('says how to read a document without sections', () => {
    expect(renderDocumentOutlineForDiscord(documents[1]!).embeds?.[0]?.description).toMatchInlineSnapshot(`"This document has no section headings. Read it from the start with /source id:arms#1."`);
  });
});

describe('button custom_ids', () => {
  it.each([
    { kind: 'ask-more', questionKey: 'abc_DEF-123', offset: 3, limit: 3 },
    { kind: 'ask-share', questionKey: 'abc', offset: 0, limit: 5 },
    { kind: 'passage-open', passageId: 'doc-1#12' },
    { kind: 'passage-nav', passageId: 'doc:with:colons#2' },
    { kind: 'passage-share', passageId: 'doc#1' },
  ] as const)('round-trips $kind', (action) => {
    const id = encodeButtonAction(action);
    expect(id).toBeDefined();
    expect(id!.length).toBeLessThanOrEqual(100);
    expect(decodeButtonAction(id!)).toEqual(action);
  });

  it.each(['', 'ask:more:k', 'ask:more:k:x:3', 'other:thing', 'passage:open:'])('rejects %j', (id) => {
    expect(decodeButtonAction(id)).toBeUndefined();
  });
});
