/**
 * Where the view puts a comment's action row (utils/view/core/placement.ts): after the native Reply link or the
 * wrapper that holds only it, and never as a child of a list (axe's `list` rule: a list holds list items only).
 */
import { describe, expect, it } from 'vitest';
import type { CommentParts } from '@/utils/parse/types';
import { actionsPoint } from '@/utils/view/core/placement';

function partsOf(html: string): { parts: CommentParts; root: Element } {
  document.body.innerHTML = html;
  const element = document.querySelector('[data-item]')!;
  const body = element.querySelector('[data-body]') ?? element;
  return { root: element, parts: { element, body, content: element.querySelector('[data-content]'), name: null, replyLink: element.querySelector('[data-reply]'), replies: null, continuation: null } };
}

describe('actionsPoint', () => {
  it('goes after the wrapper that holds only the Reply link (WordPress div.reply)', () => {
    const { parts } = partsOf('<li data-item><article data-body><div data-content>Text</div><div class="reply"><a data-reply>Reply</a></div><footer>f</footer></article></li>');
    const point = actionsPoint(parts, null);
    expect(point.parent).toBe(parts.body);
    expect(point.before).toBe(parts.body.querySelector('footer'));
  });

  it('goes after the whole list when the Reply link is a list item (Drupal ul.links > li.comment-reply)', () => {
    const { parts } = partsOf('<article data-item><div data-body><div data-content>Text</div><footer><nav><ul class="links inline"><li class="comment-reply"><a data-reply>Reply</a></li></ul><span>after</span></nav></footer></div></article>');
    const point = actionsPoint(parts, null);
    const list = parts.body.querySelector('ul')!;
    expect(point.parent).toBe(list.parentNode);
    expect(point.before).toBe(list.nextSibling);
    expect((point.parent as Element).tagName).toBe('NAV');
  });

  it('stays inside a list item that holds more than the link (a div there is valid)', () => {
    const { parts } = partsOf('<article data-item><div data-body><ul><li class="actions"><a data-reply>Reply</a><a>Edit</a></li></ul></div></article>');
    const point = actionsPoint(parts, null);
    expect((point.parent as Element).tagName).toBe('LI');
    expect(point.before).toBe(parts.replyLink!.nextSibling);
  });
});
