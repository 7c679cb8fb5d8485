import { describe, expect, it } from 'vitest';
import { bodyOf, callbackData, callbackOf, customIds, originalEditOf, useBot } from './harness.ts';

type Choice = { name: string; value: string };

describe('/source, /docs and Find sources, against the stand-in', () => {
  const h = useBot();

  it('/source shows a passage in full with its citation, ephemerally', async () => {
    const sent = h.fake.sendSlashCommand({ name: 'source', options: { id: '001-da6798635b4f93b8#2' } });
    const callback = await callbackOf(h.fake, sent);
    expect(bodyOf(callback)['type']).toBe(4);
    const data = callbackData(callback);
    expect(data['flags']).toBe(64);
    const [embed] = data['embeds'] as { title: string; description: string; footer: { text: string } }[];
    expect(embed?.title).toBe("Russia's War Partners: Iran, North Korea and China");
    expect(embed?.description).toContain('3,700 Shahed-136 drones');
    expect(embed?.footer.text).toContain('passage 001-da6798635b4f93b8#2');
    expect(customIds(data)).toEqual(['passage:nav:001-da6798635b4f93b8#1', 'passage:nav:001-da6798635b4f93b8#3', 'passage:share:001-da6798635b4f93b8#2']);
    expect(data['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('/source answers an unknown id clearly (submitted values are not limited to the choices)', async () => {
    const sent = h.fake.sendSlashCommand({ name: 'source', options: { id: 'nope#@everyone' } });
    const data = callbackData(await callbackOf(h.fake, sent));
    expect(data).toMatchObject({ flags: 64, content: expect.stringMatching(/no passage with id/i) });
    expect(data['content']).not.toContain('@everyone');
  });

  it('/source autocompletes over documents and passages', async () => {
    const empty = callbackData(await callbackOf(h.fake, h.fake.sendAutocomplete({ name: 'source', options: { id: '' }, focused: 'id' })));
    expect((empty['choices'] as Choice[]).map((choice) => choice.value)).toEqual([
      '000-4253ffe1722c6518#1',
      '001-da6798635b4f93b8#1',
      '002-23e542a734829a96#1',
      '003-0d91e82763f6efc4#1',
      '004-2e9ac89937777fdf#1',
    ]);
    const typed = callbackData(await callbackOf(h.fake, h.fake.sendAutocomplete({ name: 'source', options: { id: 'alabuga' }, focused: 'id' })));
    const choices = typed['choices'] as Choice[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value).toMatch(/#\d+$/);
    }
  });

  it('/docs lists the documents with sources and passage counts', async () => {
    const data = callbackData(await callbackOf(h.fake, h.fake.sendSlashCommand({ name: 'docs' })));
    expect(data['flags']).toBe(64);
    const [embed] = data['embeds'] as { fields: { name: string; value: string }[] }[];
    expect(embed?.fields).toHaveLength(5);
    expect(embed?.fields[4]).toEqual({ name: 'Russian Arms Procurement from Iran and North Korea', value: 'The Guardian · 16 passages · 0 sections · id `004-2e9ac89937777fdf`' });
  });

  it('/docs with a document shows its outline; autocomplete offers documents', async () => {
    const choices = callbackData(await callbackOf(h.fake, h.fake.sendAutocomplete({ name: 'docs', options: { document: 'drone' }, focused: 'document' })))['choices'] as Choice[];
    expect(choices).toEqual([{ name: "Iran and Russia's Drone Alliance (21 passages)", value: '002-23e542a734829a96' }]);
    const data = callbackData(await callbackOf(h.fake, h.fake.sendSlashCommand({ name: 'docs', options: { document: choices[0]!.value } })));
    const [embed] = data['embeds'] as { title: string; description: string }[];
    expect(embed?.title).toBe("Iran and Russia's Drone Alliance");
    expect(embed?.description).toContain('1\\. From Tehran to Tatarstan, A Drone Factory Rises');
    const unknown = callbackData(await callbackOf(h.fake, h.fake.sendSlashCommand({ name: 'docs', options: { document: 'Unknown title' } })));
    expect(unknown['content']).toMatch(/no document/i);
  });

  it('a command the bot no longer has (registered by an older version) gets a private notice naming commands', async () => {
    const callback = await callbackOf(h.fake, h.fake.sendSlashCommand({ name: 'retired' }));
    expect(callbackData(callback)).toMatchObject({ flags: 64, content: expect.stringMatching(/no longer have that command/) });
    expect(callbackData(callback)['content']).toMatch(/\/ask/);
  });

  it('Find sources searches the corpus for the target message, ephemerally', async () => {
    const sent = h.fake.sendMessageContextMenu({ name: 'Find sources', targetMessage: { content: 'Iran shipped Shahed drones and production kits to Russia' } });
    const callback = await callbackOf(h.fake, sent);
    expect(bodyOf(callback)['type']).toBe(5);
    expect(callbackData(callback)).toEqual({ flags: 64 });
    const body = bodyOf(await originalEditOf(h.fake, sent));
    expect((body['embeds'] as unknown[]).length).toBeGreaterThan(0);
    expect(body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('Find sources on a message without text says so', async () => {
    const sent = h.fake.sendMessageContextMenu({ name: 'Find sources', targetMessage: { content: '' } });
    const data = callbackData(await callbackOf(h.fake, sent));
    expect(data).toMatchObject({ flags: 64, content: expect.stringMatching(/no text/i) });
  });
});
