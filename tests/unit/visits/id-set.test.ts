import { describe, expect, it } from 'vitest';
import {
  MAX_STORED_IDS,
  decodeIdSet,
  encodeIdSet,
  highestNumericId,
  isStorableId,
  numericIdValue,
} from '@/utils/visits/id-set';
import { encodePostVisits } from '@/utils/storage/visits';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Deterministic pseudo-random numbers (mulberry32): the measurements are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` ids as a busy WordPress site gives them to one post: site-wide ids, this post's comments interleaved
 * with other posts' (gaps drawn from a geometric distribution of mean `meanGap`), starting at a realistic id.
 */
function interleavedIds(count: number, meanGap: number, seed = 12): string[] {
  const next = random(seed);
  const ids: string[] = [];
  let id = 184_000;
  for (let i = 0; i < count; i++) {
    ids.push(String(id));
    id += 1 + Math.floor(Math.log(1 - next()) / Math.log(1 - 1 / meanGap));
  }
  return ids;
}

describe('encodeIdSet / decodeIdSet', () => {
  it('writes runs as gap.length in base 36, and reads them back', () => {
    const ids = [...range(30, 87), '90', '92', '93'];
    expect(encodeIdSet(ids)).toBe('u.1l,2,1.1');
    expect(decodeIdSet('u.1l,2,1.1')).toEqual(new Set(ids));
  });

  it('is independent of order and duplicates', () => {
    expect(encodeIdSet(['5', '3', '4', '3', '10'])).toBe(encodeIdSet(['3', '4', '5', '10']));
    expect(encodeIdSet([])).toBe('');
    expect(decodeIdSet('')).toEqual(new Set());
  });

  it('keeps ids that are not plain integers after a bar, and drops what it cannot store', () => {
    const ids = ['12', 'anon-1x9z', 'ping-abc', '007', 'wpd_5', 'has,comma', 'has|bar', '', 'x'.repeat(65), '-3'];
    const encoded = encodeIdSet(ids);
    expect(encoded).toBe('c|-3,007,anon-1x9z,ping-abc,wpd_5');
    expect(decodeIdSet(encoded)).toEqual(new Set(['12', '-3', '007', 'anon-1x9z', 'ping-abc', 'wpd_5']));
    expect(isStorableId('has,comma')).toBe(false);
    expect(isStorableId('anon-1x9z')).toBe(true);
  });

  it('round-trips large and sparse sets exactly', () => {
    for (const ids of [range(1, 5000), interleavedIds(5000, 3), interleavedIds(1500, 40), ['0', '9007199254740991']]) {
      expect(decodeIdSet(encodeIdSet(ids))).toEqual(new Set(ids));
    }
  });

  it.each([
    ['not a string', 42],
    ['null', null],
    ['a bad token', 'u.1l,,2'],
    ['upper case', 'U'],
    ['a negative gap', '-1'],
    ['a run beyond safe integers', 'zzzzzzzzzzz.zzzzzzzzzzz'],
    ['a run longer than any thread', `0.${(MAX_STORED_IDS + 1).toString(36)}`],
    ['a numeric id in the literal part', '1|25'],
    ['a bad literal', '1|a b'],
  ])('rejects %s', (_, encoded) => {
    expect(decodeIdSet(encoded)).toBeNull();
  });

  it('highestNumericId and numericIdValue ignore ids that are not plain integers', () => {
    expect(highestNumericId(['7', '12', 'anon-zz', '011'])).toBe(12);
    expect(highestNumericId(['anon-zz'])).toBe(-1);
    expect(numericIdValue('42')).toBe(42);
    expect(numericIdValue('042')).toBeNull();
    expect(numericIdValue('ping-4')).toBeNull();
  });
});

describe('stored size of a post record (docs/new-since-last-visit.md, "Measurements")', () => {
  const scenarios: [string, (n: number) => string[], number][] = [
    // [scenario, ids for n comments, budget for 5,000 ids in bytes]
    ['consecutive ids (the corpus big-* threads)', (n) => range(1888, 1888 + n - 1), 64],
    ['interleaved, mean gap 3 (a busy post)', (n) => interleavedIds(n, 3), 16_000],
    ['interleaved, mean gap 20 (a post among many)', (n) => interleavedIds(n, 20), 20_000],
  ];
  const rows: string[] = [];

  it.each(scenarios)('%s', (_, makeIds, budget) => {
    const sizes = [300, 1500, 5000].map((n) => {
      const ids = makeIds(n);
      // A record as stored after two visits: everything seen, nothing in progress.
      const stored = encodePostVisits({ seen: new Set(ids), seenAt: 1_733_212_800_000, current: null });
      return JSON.stringify(stored).length;
    });
    rows.push(`${_}: ${sizes.join(' / ')} bytes for 300 / 1,500 / 5,000 ids`);
    expect(sizes[2]).toBeLessThanOrEqual(budget);
    // Linear, not worse: 5,000 ids cost at most ~17× what 300 cost (plus the fixed part).
    expect(sizes[2]!).toBeLessThanOrEqual(sizes[0]! * 17 + 64);
    console.info(rows[rows.length - 1]);
  });
});
