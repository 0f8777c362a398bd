/**
 * Every change the view makes to the host page goes through a DomJournal, so that destroy() can give the
 * section back exactly as it was (same outerHTML): inserted nodes are removed, attributes get their first
 * recorded value back (or disappear when they did not exist).
 *
 * A journal has scopes: each feature writes through its own (ctx.journal), which its cleanup restores alone; the
 * root journal's restore() undoes every scope, newest first, then its own writes.
 */
export class DomJournal {
  private readonly insertedNodes: Node[] = [];
  /**
   * Original value of each attribute we touched: one map per attribute name (a handful of names), keyed by
   * element (null = the attribute did not exist). Fewer allocations than a map per element on 5,000 comments.
   */
  private readonly originals = new Map<string, Map<Element, string | null>>();
  private readonly scopes: DomJournal[] = [];
  private parent: DomJournal | null = null;

  /** A journal whose writes restore() on this one also undoes, and which can be restored on its own. */
  scope(): DomJournal {
    const child = new DomJournal();
    child.parent = this;
    this.scopes.push(child);
    return child;
  }

  /** Insert `node` into `parent` before `before` (null = append), and remember to remove it. */
  insert(node: Node, parent: Node, before: Node | null = null): void {
    parent.insertBefore(node, before);
    this.insertedNodes.push(node);
  }

  /** Forget a node this journal inserted and remove it now (a decoration replaced, a comment gone). */
  removeInserted(node: Node): void {
    node.parentNode?.removeChild(node);
    const at = this.insertedNodes.lastIndexOf(node);
    if (at >= 0) this.insertedNodes.splice(at, 1);
  }

  /** Set an attribute (no write when the value is already there). */
  set(element: Element, name: string, value = ''): void {
    if (element.getAttribute(name) === value) return;
    this.remember(element, name);
    element.setAttribute(name, value);
  }

  /** Remove an attribute (no write when it is absent). */
  remove(element: Element, name: string): void {
    if (!element.hasAttribute(name)) return;
    this.remember(element, name);
    element.removeAttribute(name);
  }

  /** Set or remove a boolean attribute. */
  toggle(element: Element, name: string, on: boolean): void {
    if (on) this.set(element, name);
    else this.remove(element, name);
  }

  /** Undo everything: scopes newest first, then this journal's insertions (newest first) and attributes. Safe twice. */
  restore(): void {
    for (const scope of this.scopes.splice(0).reverse()) scope.restoreOwn();
    this.restoreOwn();
    if (this.parent) {
      const at = this.parent.scopes.indexOf(this);
      if (at >= 0) this.parent.scopes.splice(at, 1);
    }
  }

  private restoreOwn(): void {
    for (const scope of this.scopes.splice(0).reverse()) scope.restoreOwn();
    for (const node of this.insertedNodes.splice(0).reverse()) node.parentNode?.removeChild(node);
    for (const [name, elements] of this.originals) {
      for (const [element, original] of elements) {
        if (original === null) element.removeAttribute(name);
        else if (element.getAttribute(name) !== original) element.setAttribute(name, original);
      }
    }
    this.originals.clear();
  }

  private remember(element: Element, name: string): void {
    let elements = this.originals.get(name);
    if (!elements) {
      elements = new Map();
      this.originals.set(name, elements);
    }
    if (!elements.has(element)) elements.set(element, element.getAttribute(name));
  }
}
