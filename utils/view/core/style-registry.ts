/**
 * The one stylesheet of the view in a document: ONE <style data-threadlight-ui="style"> in <head>, shared by every
 * mounted section and every feature. Each adds named blocks (counted: two sections adding the same block share it)
 * and gets a release function; the element goes with the last block.
 */
import { ATTR_UI } from '../dom-contract';

export interface StyleRegistry {
  /** Add a CSS block; returns the function that removes it (idempotent). Same key and text are shared. */
  add(key: string, css: string): () => void;
}

interface Block {
  css: string;
  users: number;
}

class DocumentStyles implements StyleRegistry {
  private readonly blocks = new Map<string, Block>();
  private element: HTMLStyleElement | null = null;

  constructor(private readonly doc: Document) {}

  add(key: string, css: string): () => void {
    // A block replaced under the same key (new accent) takes the key over; the old user's release is a no-op.
    const existing = this.blocks.get(key);
    const block: Block = existing && existing.css === css ? existing : { css, users: 0 };
    block.users++;
    this.blocks.set(key, block);
    if (block !== existing) this.write();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      block.users--;
      if (block.users <= 0 && this.blocks.get(key) === block) {
        this.blocks.delete(key);
        this.write();
      }
    };
  }

  private write(): void {
    if (this.blocks.size === 0) {
      this.element?.remove();
      this.element = null;
      registries.delete(this.doc);
      return;
    }
    if (!this.element || !this.element.isConnected) {
      this.element = this.doc.createElement('style');
      this.element.setAttribute(ATTR_UI, 'style');
      (this.doc.head ?? this.doc.documentElement).appendChild(this.element);
    }
    const text = [...this.blocks.values()].map((block) => block.css).join('\n');
    if (this.element.textContent !== text) this.element.textContent = text;
  }
}

const registries = new WeakMap<Document, DocumentStyles>();

/** The registry of `doc` (created on first use). */
export function stylesOf(doc: Document): StyleRegistry {
  let registry = registries.get(doc);
  if (!registry) {
    registry = new DocumentStyles(doc);
    registries.set(doc, registry);
  }
  return registry;
}

/**
 * A rule whose declarations all carry !important: our controls live among the theme's own rules, and themes
 * style `button` with selectors we cannot outrank otherwise (Twenty Twenty-One:
 * `button:not(:hover):not(:active):not(.has-background)` fills every button with its primary colour).
 */
export function importantRule(selector: string, declarations: string): string {
  const body = declarations
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => `${declaration} !important;`)
    .join(' ');
  return `${selector} { ${body} }`;
}
