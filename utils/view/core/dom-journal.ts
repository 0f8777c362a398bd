/**
 * Every change the view makes to the host page goes through a DomJournal, so that destroy() can give the
 * section back exactly as it was (same outerHTML): inserted nodes are removed, attributes get their first
 * recorded value back (or disappear when they did not exist).
 */
export class DomJournal {
  private readonly insertedNodes: Node[] = [];
  /** Original value of each attribute we touched, per element (null = the attribute did not exist). */
  private readonly originalAttributes = new Map<Element, Map<string, string | null>>();

  /** Insert `node` into `parent` before `before` (null = append), and remember to remove it. */
  insert(node: Node, parent: Node, before: Node | null = null): void {
    parent.insertBefore(node, before);
    this.insertedNodes.push(node);
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

  /** Undo everything, newest insertion first. Safe to call twice. */
  restore(): void {
    for (const node of this.insertedNodes.splice(0).reverse()) node.parentNode?.removeChild(node);
    for (const [element, attributes] of this.originalAttributes) {
      for (const [name, original] of attributes) {
        if (original === null) element.removeAttribute(name);
        else if (element.getAttribute(name) !== original) element.setAttribute(name, original);
      }
    }
    this.originalAttributes.clear();
  }

  private remember(element: Element, name: string): void {
    let attributes = this.originalAttributes.get(element);
    if (!attributes) {
      attributes = new Map();
      this.originalAttributes.set(element, attributes);
    }
    if (!attributes.has(name)) attributes.set(name, element.getAttribute(name));
  }
}
