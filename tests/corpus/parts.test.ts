/**
 * ParsedSection.parts on every page with a thread (corpus except the big generated pages, realworld, fixtures): the
 * elements the view takes from the parser instead of selectors of its own. For each comment:
 * - `element` is its own (no two comments share one); `body` lies in the element and holds no other comment (unless
 *   it is the element itself: style=div, Drupal);
 * - `name`, when found, reads exactly as the author's name, and is inside the comment's own markup;
 * - `content` lies in the comment's own markup and never inside another comment;
 * - `replyLink` is there exactly when the comment's own markup holds a reply control, and belongs to that comment;
 * - `replies`, when set, holds every reply of the comment.
 */
import { describe, expect, it } from 'vitest';
import { profileOf } from '@/utils/dialects/index';
import { nameText } from '@/utils/parse/fields';
import type { ParsedSection } from '@/utils/parse/types';
import { corpusPages, fixturePages, readTruthFile, realworldPages, withParsedPage } from './corpus-pages';

const pages = [...corpusPages(), ...realworldPages(), ...fixturePages()].filter(
  (page) => !page.label.includes('/big-') && readTruthFile(page.truthPath).comments.length > 0,
);

/** The comment's own region: its element (and continuation) minus the elements of the other comments nested in it. */
function ownsNode(section: ParsedSection, id: string, node: Element): boolean {
  const parts = section.parts.get(id)!;
  const inside = parts.element.contains(node) || (parts.continuation?.contains(node) ?? false);
  if (!inside) return false;
  for (const [otherId, other] of section.parts) {
    if (otherId === id) continue;
    const otherInside = (el: Element) => el !== parts.element && (parts.element.contains(el) || (parts.continuation?.contains(el) ?? false));
    if (otherInside(other.element) && (other.element.contains(node) || (other.continuation?.contains(node) ?? false))) return false;
  }
  return true;
}

/** Reply controls the way the page's engine prints them, found with selectors (the parser never uses these). */
function replyControls(section: ParsedSection): Element[] {
  const profile = profileOf(section.thread.dialect);
  const reply = profile.fields.replyLink;
  const selectors = [
    ...reply.classes.map((name) => `a.${name}`),
    ...reply.attributes.map((attribute) => `a[${attribute}]`),
    ...reply.buttonClasses.map((name) => `.${name}`),
    ...reply.hostClasses.map((name) => `.${name} a`),
    ...(reply.hrefs.length > 0 ? ['a[href*="/comment/reply/"]'] : []),
  ];
  const seen = new Set<Element>();
  for (const parts of section.parts.values()) {
    for (const root of [parts.element, parts.continuation].filter((el): el is Element => Boolean(el))) {
      for (const el of root.querySelectorAll(selectors.join(','))) seen.add(el);
    }
  }
  return [...seen];
}

describe.each(pages)('$label', (page) => {
  it('hands the view each comment’s parts', () => {
    withParsedPage(page, (parse) => {
      const problems: string[] = [];
      let names = 0;
      for (const section of parse.sections) {
        expect(section.parts.size).toBe(section.thread.comments.length);
        expect(section.section?.profile.dialect).toBe(section.thread.dialect);
        const controls = replyControls(section);
        const owned = new Set<Element>();
        const elements = new Set<Element>();
        for (const comment of section.thread.comments) {
          const parts = section.parts.get(comment.id);
          if (!parts) {
            problems.push(`${comment.id}: no parts`);
            continue;
          }
          const where = `${comment.id}`;
          if (elements.has(parts.element)) problems.push(`${where}: shares its element with another comment`);
          elements.add(parts.element);
          if (!parts.element.contains(parts.body)) problems.push(`${where}: body outside the element`);
          if (parts.body !== parts.element) {
            for (const other of section.parts.values()) {
              if (other !== parts && parts.body.contains(other.element)) problems.push(`${where}: body holds another comment`);
            }
          }
          if (parts.content && !ownsNode(section, comment.id, parts.content)) problems.push(`${where}: content not in its own markup`);
          if (parts.name) {
            names++;
            if (!ownsNode(section, comment.id, parts.name)) problems.push(`${where}: name not in its own markup`);
            if (nameText(parts.name) !== comment.author.name) problems.push(`${where}: name reads ${JSON.stringify(nameText(parts.name))}, author ${JSON.stringify(comment.author.name)}`);
          }
          if (parts.replyLink) {
            owned.add(parts.replyLink);
            if (!ownsNode(section, comment.id, parts.replyLink)) problems.push(`${where}: reply link not in its own markup`);
          } else if (controls.some((control) => ownsNode(section, comment.id, control))) {
            problems.push(`${where}: has a reply control the parser missed`);
          }
          if (parts.replies) {
            for (const reply of section.thread.comments.filter((c) => c.parentId === comment.id)) {
              const element = section.parts.get(reply.id)!.element;
              if (!parts.replies.contains(element)) problems.push(`${where}: reply ${reply.id} is not in its reply list`);
            }
          }
        }
        // Every reply control of the page belongs to exactly one comment's parts.
        for (const control of controls) if (!owned.has(control)) problems.push(`a reply control belongs to no comment: ${control.outerHTML.slice(0, 80)}`);
      }
      expect(problems).toEqual([]);
      // Real comments carry a name element nearly everywhere (authorless pings and text-only author blocks aside).
      const people = parse.comments.filter((c) => c.type === 'comment' && c.author.name !== '').length;
      expect(names).toBeGreaterThanOrEqual(Math.floor(people * 0.8));
    });
  });
});
