import { safeDom } from '@/utils/dom/safe-dom';

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Marks every element Threadlight inserts (docs/dom-contract.md): never part of a comment's text. */
const THREADLIGHT_UI = 'data-threadlight-ui';

/** Elements whose text is never visible content. */
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Elements that separate words when their text is joined (so "a</p><p>b" reads "a b"). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/**
 * Visible text of `root`, whitespace collapsed, leaving out the subtrees for which `skip` is true
 * (nested replies, meta blocks). Linear in the size of what it reads. Reads through clobbering-proof accessors: a
 * form in a comment cannot shadow `firstChild`, `tagName` or `hasAttribute` (utils/dom/safe-dom.ts).
 */
export function textWithout(root: Element, skip: (el: Element) => boolean = () => false): string {
  const dom = safeDom(root);
  const parts: string[] = [];
  const visit = (node: Node): void => {
    for (let child = dom.firstChild(node); child; child = dom.nextSibling(child)) {
      const type = dom.nodeType(child);
      if (type === 3) {
        parts.push(dom.nodeValue(child) ?? '');
      } else if (type === 1) {
        const el = child as Element;
        const tag = dom.tag(el);
        if (INVISIBLE_TAGS.has(tag) || dom.hasAttr(el, THREADLIGHT_UI) || skip(el)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) parts.push(' ');
        visit(el);
        if (block) parts.push(' ');
      }
    }
  };
  visit(root);
  return collapseWhitespace(parts.join(''));
}
