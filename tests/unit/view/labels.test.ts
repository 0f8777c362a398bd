/**
 * The view's strings: plural forms and numbers in the UI language, prepared in steps before the mount (the first
 * plural rules, number format and message of a page each load data: one slice each in the content script), and
 * made again after a mount only when the language changed.
 */
import { describe, expect, it } from 'vitest';
import { runSteps } from '@/utils/common/steps';
import { countLabel, prepareLabelsSteps, resetLabels, triageText } from '@/utils/view/core/labels';
import { setTestLanguage } from '../../setup/i18n';

describe('view labels', () => {
  it('prepare in three steps (plural rules, number format, catalog), two pauses between them', () => {
    const steps = prepareLabelsSteps();
    let pauses = 0;
    while (!steps.next().done) pauses++;
    expect(pauses).toBe(2);
    expect(countLabel('view_replies', 1)).toBe('1 reply');
    expect(countLabel('view_replies', 1500)).toBe('1,500 replies');
  });

  it('follow the language of the mount: French puts 0 and 1 in "one" and groups with a narrow space', () => {
    resetLabels();
    expect(countLabel('view_replies', 0)).toBe('0 replies');
    setTestLanguage('fr');
    resetLabels();
    runSteps(prepareLabelsSteps());
    expect(countLabel('view_replies', 0)).toBe('0 réponse');
    expect(countLabel('view_replies', 1500)).toBe('1\u202f500 réponses');
    expect(triageText({ replies: 2, people: 1, authorReplied: false })).toBe('2 réponses · 1 personne');
    setTestLanguage('en');
    resetLabels();
    expect(countLabel('view_replies', 2)).toBe('2 replies');
  });
});
