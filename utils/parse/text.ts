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
 * (nested replies, meta blocks). Linear in the size of what it reads.
 */
export function textWithout(root: Element, skip: (el: Element) => boolean = () => false): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (INVISIBLE_TAGS.has(el.tagName) || el.hasAttribute(THREADLIGHT_UI) || skip(el)) continue;
        const block = BLOCK_TAGS.has(el.tagName);
        if (block) parts.push(' ');
        visit(el);
        if (block) parts.push(' ');
      }
    }
  };
  visit(root);
  return collapseWhitespace(parts.join(''));
}
