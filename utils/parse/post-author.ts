import { safeDom } from '@/utils/dom/safe-dom';
import { normalizeAuthorUrl } from '@/utils/parse/fields';
import { collapseWhitespace, textWithout } from '@/utils/parse/text';
import { personName } from '@/utils/thread/participants';

/** The post's author as its byline states it. */
export interface Byline {
  name: string;
  url: string | null;
}

const ARTICLE_TYPES = /^(?:Article|BlogPosting|NewsArticle|Report|TechArticle|ScholarlyArticle|WebPage|SocialMediaPosting)$/;

function authorNameFromJson(value: unknown): string | null {
  if (typeof value === 'string') return collapseWhitespace(value) || null;
  if (Array.isArray(value)) return authorNameFromJson(value[0]);
  if (value && typeof value === 'object' && 'name' in value) return authorNameFromJson((value as { name: unknown }).name);
  return null;
}

/** Author of the first Article-like node of the page's JSON-LD (top level, arrays and `@graph`). */
function authorFromJsonLd(doc: Document): string | null {
  const dom = safeDom(doc);
  for (const script of dom.queryAll(doc, 'script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      let json = '';
      for (let node = dom.firstChild(script); node; node = dom.nextSibling(node)) json += dom.nodeValue(node) ?? '';
      data = JSON.parse(json);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const node = queue.shift();
      if (Array.isArray(node)) {
        queue.push(...node);
      } else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        const types = ([] as unknown[]).concat(record['@type'] ?? []);
        if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)) && record.author) {
          const name = authorNameFromJson(record.author);
          if (name) return name;
        }
        if (record['@graph']) queue.push(record['@graph']);
      }
    }
  }
  return null;
}

/**
 * The post's byline author (JSON-LD, `meta[name=author]`, `rel=author` link), read outside the comment section.
 * Used only for themes that print no comment classes at all, to recognize the author among commenters.
 */
export function findByline(doc: Document, section: Element, base: string): Byline | null {
  const dom = safeDom(doc);
  const relAuthor = dom.queryAll(doc, 'a[rel~="author"]').find((link) => !dom.contains(section, link));
  const relName = relAuthor ? textWithout(relAuthor) : '';
  const relUrl = relAuthor ? normalizeAuthorUrl(dom.attr(relAuthor, 'href'), base) : null;
  const jsonName = authorFromJsonLd(doc);
  if (jsonName) return { name: jsonName, url: relName && sameName(relName, jsonName) ? relUrl : null };
  const meta = dom.query(doc, 'meta[name="author"]');
  const metaName = collapseWhitespace((meta && dom.attr(meta, 'content')) ?? '');
  if (metaName) return { name: metaName, url: relName && sameName(relName, metaName) ? relUrl : null };
  return relName ? { name: relName, url: relUrl } : null;
}

/** Names compared as the one person rule compares them (utils/thread/participants.ts). */
function sameName(a: string, b: string): boolean {
  return personName(a) === personName(b);
}
