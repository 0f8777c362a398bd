import { describe, expect, it } from 'vitest';
import { formatNumber, tn } from '@/utils/i18n';
import { formatBadgeCount, formatDate, formatPercent } from '@/utils/i18n/format';
import { setTestLanguage } from '../../setup/i18n';

describe('formatBadgeCount', () => {
  it.each([
    [null, ''],
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [1299, '1.2k'],
    [9999, '9.9k'],
    [10_000, '10k'],
    [56_789, '56k'],
    [999_999, '999k'],
    [1_234_567, '1.2M'],
    [123_456_789, '123M'],
  ])('%s → %j', (count, text) => {
    expect(formatBadgeCount(count)).toBe(text);
    expect(formatBadgeCount(count).length).toBeLessThanOrEqual(4);
  });
});

describe('UI-language formatting', () => {
  it('formats numbers, shares and dates in English', () => {
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatPercent(13 / 35)).toBe('37%');
    expect(formatPercent(Number.NaN)).toBe('0%');
    expect(formatDate('2010-06-15T07:45:00+00:00')).toBe('Jun 15, 2010');
    expect(formatDate('not a date')).toBeNull();
    expect(formatDate(null)).toBeNull();
  });

  it('formats them in French', () => {
    setTestLanguage('fr');
    expect(formatNumber(1234)).toMatch(/^1\s234$/);
    expect(formatPercent(0.5)).toMatch(/^50\s%$/);
    expect(formatDate('2010-06-15T07:45:00+00:00')).toBe('15 juin 2010');
  });

  it('picks plural forms by the language rules (French: 0 and 1 are singular)', () => {
    expect(tn('popup_comments', 0)).toBe('0 comments');
    expect(tn('popup_comments', 1)).toBe('1 comment');
    expect(tn('popup_comments', 1500)).toBe('1,500 comments');
    setTestLanguage('fr');
    expect(tn('popup_comments', 0)).toBe('0 commentaire');
    expect(tn('popup_comments', 1)).toBe('1 commentaire');
    expect(tn('popup_comments', 2)).toBe('2 commentaires');
    expect(tn('popup_comments', 1_000_000)).toMatch(/^1\s000\s000 commentaires$/);
  });
});
