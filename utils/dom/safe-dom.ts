/**
 * DOM reads a page cannot shadow.
 *
 * A `<form>` exposes its named controls as properties that override the DOM API ([LegacyOverrideBuiltIns]):
 * with `<input name="getAttribute">` inside, `form.getAttribute` is that input, and `form.tagName`,
 * `form.nextElementSibling`, `form.id`… can be shadowed the same way. Chromium's isolated world sees those
 * properties (Firefox's Xrays hide them), so detection and parsing never read a property or call a method on a
 * page element directly: they use the getters and methods of the interface prototypes (`Element.prototype`,
 * `Node.prototype`), which a form cannot shadow, called on the element.
 *
 * The prototypes are taken from the node's own realm (walking `Object.getPrototypeOf`, which no page can
 * shadow), so the same code works in the browser, in Vitest's jsdom and on documents built by `new JSDOM()` in
 * Node (the inspector, the corpus tests), where there is no global `Element`.
 */

export interface SafeDom {
  tag(el: Element): string;
  id(el: Element): string;
  attr(el: Element, name: string): string | null;
  hasAttr(el: Element, name: string): boolean;
  firstElement(el: Element | Document): Element | null;
  lastElement(el: Element): Element | null;
  nextElement(el: Element): Element | null;
  previousElement(el: Element): Element | null;
  parentElement(node: Node): Element | null;
  firstChild(node: Node): Node | null;
  nextSibling(node: Node): Node | null;
  nodeType(node: Node): number;
  nodeValue(node: Node): string | null;
  contains(container: Node, node: Node): boolean;
  closest(el: Element, selector: string): Element | null;
  query(el: Element | Document, selector: string): Element | null;
  queryAll(el: Element | Document, selector: string): Element[];
  ownerDocument(node: Node): Document | null;
  documentElement(doc: Document): Element | null;
  documentUrl(doc: Document): string;
  byId(doc: Document, id: string): Element | null;
  forms(doc: Document): Element[];
  head(doc: Document): Element | null;
  /** The first descendant of `root` (depth first, page order) passing `test`, read through these accessors only. */
  find(root: Element, test: (el: Element) => boolean): Element | null;
}

type Getter = (this: unknown) => unknown;
type Method = (this: unknown, ...args: unknown[]) => unknown;

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** The first prototype of `object` that owns `key` (never asks `object` itself: it may be a clobbered form). */
function protoOwning(object: object, key: string): object | null {
  for (let proto = Object.getPrototypeOf(object) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    if (hasOwn(proto, key)) return proto;
  }
  return null;
}

function getter(proto: object, key: string): Getter {
  const get = Object.getOwnPropertyDescriptor(proto, key)?.get;
  if (!get) throw new TypeError(`safe-dom: no getter ${key}`);
  return get as Getter;
}

function method(proto: object, key: string): Method {
  const value = Object.getOwnPropertyDescriptor(proto, key)?.value as unknown;
  if (typeof value !== 'function') throw new TypeError(`safe-dom: no method ${key}`);
  return value as Method;
}

const byElementProto = new WeakMap<object, SafeDom>();

function build(elementProto: object, nodeProto: object, documentProto: object | null): SafeDom {
  const tagName = getter(elementProto, 'tagName');
  const id = getter(elementProto, 'id');
  const getAttribute = method(elementProto, 'getAttribute');
  const hasAttribute = method(elementProto, 'hasAttribute');
  const firstElementChild = getter(elementProto, 'firstElementChild');
  const lastElementChild = getter(elementProto, 'lastElementChild');
  const nextElementSibling = getter(elementProto, 'nextElementSibling');
  const previousElementSibling = getter(elementProto, 'previousElementSibling');
  const closest = method(elementProto, 'closest');
  const elementQuery = method(elementProto, 'querySelector');
  const elementQueryAll = method(elementProto, 'querySelectorAll');
  const parentElement = getter(nodeProto, 'parentElement');
  const firstChild = getter(nodeProto, 'firstChild');
  const nextSibling = getter(nodeProto, 'nextSibling');
  const nodeType = getter(nodeProto, 'nodeType');
  const nodeValue = getter(nodeProto, 'nodeValue');
  const contains = method(nodeProto, 'contains');
  const ownerDocument = getter(nodeProto, 'ownerDocument');
  const documentFirst = documentProto && hasOwn(documentProto, 'firstElementChild') ? getter(documentProto, 'firstElementChild') : null;
  const documentQuery = documentProto ? method(documentProto, 'querySelector') : null;
  const documentQueryAll = documentProto ? method(documentProto, 'querySelectorAll') : null;
  const documentElement = documentProto ? getter(documentProto, 'documentElement') : null;
  const documentUrl = documentProto && hasOwn(documentProto, 'URL') ? getter(documentProto, 'URL') : null;
  const getElementById = documentProto && hasOwn(documentProto, 'getElementById') ? method(documentProto, 'getElementById') : null;
  const formsOf = documentProto && hasOwn(documentProto, 'forms') ? getter(documentProto, 'forms') : null;
  const headOf = documentProto && hasOwn(documentProto, 'head') ? getter(documentProto, 'head') : null;
  const isDocument = (node: Node): boolean => (nodeType.call(node) as number) === 9;
  return {
    tag: (el) => tagName.call(el) as string,
    id: (el) => id.call(el) as string,
    attr: (el, name) => getAttribute.call(el, name) as string | null,
    hasAttr: (el, name) => hasAttribute.call(el, name) as boolean,
    firstElement: (el) => ((isDocument(el) ? documentFirst : firstElementChild)?.call(el) ?? null) as Element | null,
    lastElement: (el) => lastElementChild.call(el) as Element | null,
    nextElement: (el) => nextElementSibling.call(el) as Element | null,
    previousElement: (el) => previousElementSibling.call(el) as Element | null,
    parentElement: (node) => parentElement.call(node) as Element | null,
    firstChild: (node) => firstChild.call(node) as Node | null,
    nextSibling: (node) => nextSibling.call(node) as Node | null,
    nodeType: (node) => nodeType.call(node) as number,
    nodeValue: (node) => nodeValue.call(node) as string | null,
    contains: (container, node) => contains.call(container, node) as boolean,
    closest: (el, selector) => closest.call(el, selector) as Element | null,
    query: (el, selector) => ((isDocument(el) ? documentQuery : elementQuery)?.call(el, selector) ?? null) as Element | null,
    queryAll: (el, selector) => Array.from(((isDocument(el) ? documentQueryAll : elementQueryAll)?.call(el, selector) ?? []) as ArrayLike<Element>),
    ownerDocument: (node) => ownerDocument.call(node) as Document | null,
    documentElement: (doc) => (documentElement?.call(doc) ?? null) as Element | null,
    documentUrl: (doc) => String(documentUrl?.call(doc) ?? ''),
    byId: (doc, id) => (getElementById?.call(doc, id) ?? null) as Element | null,
    forms: (doc) => Array.from((formsOf?.call(doc) ?? []) as ArrayLike<Element>),
    head: (doc) => (headOf?.call(doc) ?? null) as Element | null,
    find(root, test) {
      const stack: Element[] = [];
      const pushChildren = (parent: Element): void => {
        const last = lastElementChild.call(parent) as Element | null;
        for (let child = last; child; child = previousElementSibling.call(child) as Element | null) stack.push(child);
      };
      pushChildren(root);
      while (stack.length > 0) {
        const el = stack.pop()!;
        if (test(el)) return el;
        pushChildren(el);
      }
      return null;
    },
  };
}

/**
 * The clobbering-proof accessors of `node`'s realm (an element or a document). Cheap after the first call per
 * realm; take it once per walk or per comment, not per element.
 */
export function safeDom(node: Node): SafeDom {
  let elementProto = protoOwning(node, 'getAttribute');
  let documentProto: object | null = null;
  if (!elementProto) {
    // A document: its element prototype comes from its root element, read through Document.prototype.
    documentProto = protoOwning(node, 'documentElement');
    const root = documentProto ? (getter(documentProto, 'documentElement').call(node) as Element | null) : null;
    elementProto = root ? protoOwning(root, 'getAttribute') : null;
    if (!elementProto) throw new TypeError('safe-dom: not an element nor a document with a root');
  }
  const cached = byElementProto.get(elementProto);
  if (cached) return cached;
  const nodeProto = protoOwning(elementProto, 'parentElement');
  if (!nodeProto) throw new TypeError('safe-dom: no Node prototype');
  // Document.prototype of the same realm: through the element's ownerDocument getter (on Node.prototype).
  if (!documentProto) {
    const ownerDocumentGet = getter(nodeProto, 'ownerDocument');
    const doc = ownerDocumentGet.call(node) as object | null;
    documentProto = doc ? protoOwning(doc, 'documentElement') : null;
  }
  const dom = build(elementProto, nodeProto, documentProto);
  byElementProto.set(elementProto, dom);
  return dom;
}
