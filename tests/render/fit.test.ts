import { describe, expect, it } from 'vitest';
import { embedLength, fitChoices, fitMessage } from '../../src/render/fit.ts';
import type { Button } from '../../src/render/types.ts';

const button = (customId: string): Button => ({ type: 2, style: 2, label: 'b', custom_id: customId });

describe('fitMessage', () => {
  it('leaves a payload within limits as it is', () => {
    const payload = { content: 'hi', embeds: [{ title: 't', description: 'd' }], components: [{ type: 1 as const, components: [button('x')] }] };
    expect(fitMessage(payload)).toEqual(payload);
  });

  it('cuts content to 2000 characters', () => {
    expect(fitMessage({ content: 'a'.repeat(5000) }).content).toHaveLength(2000);
  });

  it('keeps 10 embeds and 6000 characters across them', () => {
    const embeds = Array.from({ length: 12 }, () => ({ title: 't'.repeat(300), description: 'd'.repeat(5000), footer: { text: 'f'.repeat(3000) } }));
    const fitted = fitMessage({ embeds }).embeds ?? [];
    expect(fitted.length).toBeLessThanOrEqual(10);
    expect(fitted.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(6000);
    for (const embed of fitted) expect(embed.title?.length).toBeLessThanOrEqual(256);
  });

  it('keeps 25 fields of at most 256 and 1024 characters, never empty', () => {
    const fields = Array.from({ length: 30 }, () => ({ name: 'n', value: 'v' }));
    fields[0] = { name: 'n'.repeat(300), value: 'v'.repeat(2000) };
    const fitted = fitMessage({ embeds: [{ fields }, { fields: [{ name: '', value: '' }] }] }).embeds ?? [];
    expect(fitted[0]?.fields).toHaveLength(25);
    for (const field of fitted.flatMap((embed) => embed.fields ?? [])) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  });

  it('drops buttons with a custom_id over 100 characters and keeps 5 per row, 5 rows', () => {
    const rows = Array.from({ length: 7 }, (_, row) => ({ type: 1 as const, components: Array.from({ length: 7 }, (__, i) => button(`${row}-${i}`)) }));
    rows[0]!.components.unshift(button('x'.repeat(101)));
    const fitted = fitMessage({ components: rows }).components ?? [];
    expect(fitted).toHaveLength(5);
    expect(fitted.every((row) => row.components.length === 5)).toBe(true);
    expect(fitted[0]?.components[0]?.custom_id).toBe('0-0');
  });

  it('replaces lone surrogates, which JSON cannot carry', () => {
    expect(fitMessage({ content: 'a\uD83Db' }).content).toBe('a\uFFFDb');
  });
});

describe('fitChoices', () => {
  it('keeps 25 distinct, non-empty choices of at most 100 characters', () => {
    const choices = [{ name: '', value: 'x' }, { name: 'dup', value: 'same' }, { name: 'dup2', value: 'same' }, ...Array.from({ length: 40 }, (_, i) => ({ name: `n${i}\n${'x'.repeat(200)}`, value: `v${i}${'y'.repeat(200)}` }))];
    const fitted = fitChoices(choices);
    expect(fitted).toHaveLength(25);
    expect(fitted[0]).toEqual({ name: 'dup', value: 'same' });
    expect(fitted.every((choice) => choice.name.length <= 100 && choice.value.length <= 100 && !choice.name.includes('\n'))).toBe(true);
  });
});
