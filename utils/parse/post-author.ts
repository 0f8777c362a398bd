import { normalizeAuthorUrl } from '@/utils/parse/fields';
import { collapseWhitespace } from '@/utils/parse/text';

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
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
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
  const relAuthor = Array.from(doc.querySelectorAll('a[rel~="author"]')).find((link) => !section.contains(link));
  const relName = relAuthor ? collapseWhitespace(relAuthor.textContent ?? '') : '';
  const relUrl = relAuthor ? normalizeAuthorUrl(relAuthor.getAttribute('href'), base) : null;
  const jsonName = authorFromJsonLd(doc);
  if (jsonName) return { name: jsonName, url: relName && sameName(relName, jsonName) ? relUrl : null };
  const metaName = collapseWhitespace(doc.querySelector('meta[name="author"]')?.getAttribute('content') ?? '');
  if (metaName) return { name: metaName, url: relName && sameName(relName, metaName) ? relUrl : null };
  return relName ? { name: relName, url: relUrl } : null;
}

/** Names compared case- and space-insensitively. */
export function normalizeName(name: string): string {
  return collapseWhitespace(name).toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
