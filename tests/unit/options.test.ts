import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, isActiveOn } from '@/utils/storage/options';

describe('isActiveOn', () => {
  it('is off for a disabled site and when globally off', () => {
    expect(isActiveOn(DEFAULT_OPTIONS, 'blog.example')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_OPTIONS, disabledSites: ['blog.example'] }, 'blog.example')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_OPTIONS, enabled: false }, 'blog.example')).toBe(false);
  });
});
