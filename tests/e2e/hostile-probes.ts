/**
 * In-page functions for the hostile e2e tests. They are serialized and run in the page's main world, where the
 * payloads run and where a hostile page may have clobbered `document.querySelector` & co: so they reach the DOM
 * through the prototypes, never through the (possibly shadowed) document properties.
 */

/** Payload calls recorded by the page's __pwned hook (see tests/hostile/hostile-pages.ts). */
export const readCalls = (): string[] => ((window as unknown as { __pwnedCalls?: string[] }).__pwnedCalls ?? []).slice();

/** The content script is done: every comment rendered (after its slices), or it bailed out (off for the site, nothing found). */
export const contentScriptDone = (): boolean =>
  performance.getEntriesByName('threadlight:rendered').length > 0 || performance.getEntriesByName('threadlight:bail').length > 0;

/**
 * The comments area is the enhanced section root (by id, through the prototype: the page may clobber
 * document.querySelector, and a hostile comment may carry data-threadlight="enhanced" itself).
 */
export const isEnhanced = (): boolean =>
  Document.prototype.getElementById.call(document, 'comments')?.getAttribute('data-threadlight') === 'enhanced';

/** How many comments are collapsed now. */
export const collapsedCount = (): number => Document.prototype.querySelectorAll.call(document, '[data-threadlight-collapsed]').length;

/**
 * outerHTML of the comments area, to compare the page before and after Threadlight. Playwright's screenshot leaves
 * an empty style attribute on text fields (its caret hiding), which is not ours: it is taken out.
 */
export const commentsAreaHtml = (): string =>
  (Document.prototype.getElementById.call(document, 'comments')?.outerHTML ?? '').replace(/(<(?:textarea|input)\b[^>]*?) style=""/g, '$1');

/** Scroll through the whole page (lazy content loads the same way in every run), then back to the top. */
export const scrollThrough = async (): Promise<void> => {
  const height = Element.prototype.getBoundingClientRect.call(document.documentElement).height;
  for (let y = 0; y < height; y += 800) {
    window.scrollTo(0, y);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  window.scrollTo(0, 0);
  await new Promise((resolve) => setTimeout(resolve, 300));
};

/**
 * Everything Threadlight inserted (elements marked data-threadlight-ui and their subtrees, the overlays' shadow
 * roots) that could execute: script-like elements, event-handler or srcdoc attributes, script URLs.
 */
export const auditExtensionDom = (): string[] => {
  const all = (root: Document | DocumentFragment, selector: string): Element[] =>
    Array.from(
      root instanceof Document
        ? Document.prototype.querySelectorAll.call(root, selector)
        : DocumentFragment.prototype.querySelectorAll.call(root, selector),
    );
  const ours = new Set<Element>();
  for (const marked of all(document, '[data-threadlight-ui], [data-threadlight-overlay]')) {
    ours.add(marked);
    for (const inner of Element.prototype.querySelectorAll.call(marked, '*')) ours.add(inner);
    const shadow = marked.shadowRoot;
    if (shadow) for (const inner of all(shadow, '*')) ours.add(inner);
  }
  const problems: string[] = [];
  const EXECUTABLE = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'meta', 'form', 'portal']);
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'cite']);
  for (const element of ours) {
    const tag = element.localName;
    if (EXECUTABLE.has(tag)) problems.push(`<${tag}> inserted`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc') problems.push(`<${tag} ${name}="${attribute.value.slice(0, 60)}">`);
      if (URL_ATTRIBUTES.has(name) && /^(?:javascript|vbscript|data:(?!image\/))/.test(value)) problems.push(`<${tag} ${name}="${attribute.value.slice(0, 60)}">`);
    }
  }
  return problems;
};

/** The preview card's state: shown or not, its author line and its text. */
export const readPreviewCard = (): { shown: boolean; author: string; text: string; problems: string[] } => {
  const host = Document.prototype.querySelector.call(document, 'threadlight-preview');
  const card = host?.shadowRoot ? DocumentFragment.prototype.querySelector.call(host.shadowRoot, '.card') : null;
  if (!card) return { shown: false, author: '', text: '', problems: [] };
  const author = Element.prototype.querySelector.call(card, '.author');
  // Sanitized content may only hold text formatting, links and images.
  const problems = Array.from(Element.prototype.querySelectorAll.call(card, '*'))
    .filter((el) => !/^(?:div|p|span|a|b|i|em|strong|br|img|blockquote|code|pre|ul|ol|li|q|cite|small|s|del|ins|sub|sup|time|mark|abbr|h[1-6]|hr|dl|dt|dd|figure|figcaption|kbd|samp|var|bdi|bdo|u|dfn|strike)$/.test(el.localName))
    .map((el) => `<${el.localName}> in the card`);
  return { shown: !(card as HTMLElement).hidden, author: author?.textContent ?? '', text: card.textContent ?? '', problems };
};

/** Move focus away (keys then go to the page, not to a link). */
export const blurActive = (): void => {
  (document.activeElement as HTMLElement | null)?.blur?.();
};

/** Names listed in the popup, and anything executable in the popup's DOM. */
export const readPopupParticipants = (): { names: string[]; problems: string[] } => {
  const names = Array.from(document.querySelectorAll('.participant-list .participant .name')).map((el) => el.textContent ?? '');
  const problems = Array.from(document.querySelectorAll('script:not([src]), iframe, object, embed, [srcdoc], a[href^="javascript:" i]')).map(
    (el) => `<${el.localName}> in the popup`,
  );
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(el.attributes)) if (attribute.name.startsWith('on')) problems.push(`<${el.localName} ${attribute.name}> in the popup`);
  }
  return { names, problems };
};
