import type { CommentParts } from '@/utils/parse/types';

/** Hand-built sections in tests: parts from the element and body maps (no content, name or reply link known). */
export function partsFrom(elements: Map<string, Element>, bodies: Map<string, Element>): Map<string, CommentParts> {
  return new Map(
    [...elements].map(([id, element]) => [id, { element, body: bodies.get(id) ?? element, content: null, name: null, replyLink: null }]),
  );
}
