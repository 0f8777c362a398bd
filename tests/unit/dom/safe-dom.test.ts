/**
 * DOM clobbering: in Chromium's isolated world a `<form>`'s named controls shadow its DOM properties and methods
 * (`<input name="getAttribute">` makes `form.getAttribute` an input element). jsdom does not implement that
 * override, so this test installs it: every form of the page gets own properties, named like each accessor
 * detection and parsing could touch, whose value is one of its inputs, exactly what Chromium hands the content
 * script. Detection and parsing must then give the same result as on the untouched page.
 */
import { describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { safeDom } from '@/utils/dom/safe-dom';
import { parseSection } from '@/utils/parse/parse-section';
import { COMMENT_FORM, commentsArea, documentFrom, html5Item } from '../parse/markup';
import { FORM_CLOBBERS } from '../../hostile/payloads';

/** Everything a walk, a field reader or a form check could ask an element or node. */
const ACCESSORS = [
  ...FORM_CLOBBERS,
  'firstChild',
  'lastChild',
  'nextSibling',
  'previousSibling',
  'childNodes',
  'nodeValue',
  'ownerDocument',
  'getAttributeNames',
  'localName',
  'innerHTML',
  'outerHTML',
  'dataset',
  'hasAttributes',
];

/** Chromium's [LegacyOverrideBuiltIns] on forms, installed by hand: each accessor becomes the form's first control. */
function clobberForms(doc: Document): number {
  const forms = Array.from(doc.querySelectorAll('form'));
  for (const form of forms) {
    const control = form.querySelector('input, textarea') ?? doc.createElement('input');
    for (const name of ACCESSORS) Object.defineProperty(form, name, { value: control, configurable: true });
  }
  return forms.length;
}

const formWithControls = (cls: string) => `<form class="${cls}">${FORM_CLOBBERS.map((name) => `<input name="${name}">`).join('')}<p>inside a form</p></form>`;

function page(): string {
  const thread =
    html5Item({ id: 1, depth: 1, author: 'Ann', text: 'Plain words' }) +
    html5Item({ id: 2, depth: 1, author: 'Ben', text: 'Before the form', children: html5Item({ id: 3, depth: 2, author: 'Cy', classes: 'bypostauthor' }) })
      .replace('<p>Before the form</p>', `<p>Before the form</p>${formWithControls('comment-embed')}`)
      .replace('<b class="fn">Ben</b>', `<b class="fn">Ben</b>${formWithControls('author-widget')}`);
  // A page-wide search form before the thread, the comment form (clobbered too) after it.
  return `<header>${formWithControls('search-form')}</header>${commentsArea(thread, { form: false })}${COMMENT_FORM}`;
}

function readAll(doc: Document) {
  const detection = detectCommentSections(doc);
  if (detection.status !== 'found') return { status: detection.status, sections: [] as unknown[] };
  const sections = detection.sections.map((section) => {
    const parsed = parseSection(section);
    return {
      comments: parsed.thread.comments.map((c) => ({ ...c })),
      commentsOpen: parsed.thread.commentsOpen,
      forms: parsed.section?.forms.length,
      parts: [...parsed.parts].map(([id, parts]) => [id, parts.element.id, parts.body.id, parts.name?.textContent, Boolean(parts.replyLink)]),
    };
  });
  return { status: detection.status, sections };
}

describe('clobbering-proof detection and parsing', () => {
  it('the clobbering is real: a form answers its own controls for getAttribute, tagName, firstElementChild…', () => {
    const doc = documentFrom(page());
    const form = doc.querySelector('form.search-form') as HTMLFormElement & Record<string, unknown>;
    expect(clobberForms(doc)).toBe(4);
    expect(typeof form.getAttribute).toBe('object');
    expect(() => (form.getAttribute as unknown as (name: string) => string)('class')).toThrow(TypeError);
    expect((form.tagName as unknown as Element).tagName).toBe('INPUT');
    // The accessors read through the prototypes are not fooled.
    const dom = safeDom(form);
    expect(dom.tag(form)).toBe('FORM');
    expect(dom.attr(form, 'class')).toBe('search-form');
    expect(dom.tag(dom.firstElement(form)!)).toBe('INPUT');
  });

  it('gives the same threads, forms and parts on a clobbered page as on the untouched one', () => {
    const clean = readAll(documentFrom(page()));
    expect(clean.status).toBe('found');
    const doc = documentFrom(page());
    clobberForms(doc);
    const clobbered = readAll(doc);
    expect(clobbered).toEqual(clean);
    const comments = (clobbered.sections[0] as { comments: { id: string; author: { name: string }; text: string; isPostAuthor: boolean }[] }).comments;
    expect(comments.map((c) => [c.id, c.author.name, c.isPostAuthor])).toEqual([
      ['1', 'Ann', false],
      ['2', 'Ben', false],
      ['3', 'Cy', true],
    ]);
    // A comment's text reads through the form inside it.
    expect(comments[1]!.text).toContain('Before the form');
    expect(comments[1]!.text).toContain('inside a form');
  });
});
