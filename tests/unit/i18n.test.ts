import { describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n';
import { setTestLanguage } from '../setup/i18n';

describe('t', () => {
  it('follows the browser language and falls back to the key', () => {
    expect(t('extName')).toBe('Threadlight');
    setTestLanguage('fr');
    expect(t('extDescription')).toMatch(/^Rend lisibles/);
    expect(t('no_such_key')).toBe('no_such_key');
  });
});
