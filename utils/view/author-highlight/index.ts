/**
 * The post author's replies lit up (options.highlightAuthor): an accent rule beside their comments, an "Author"
 * badge after their name, and a dot in the fold bar of each top-level comment whose thread holds one of their
 * replies (the "author-replied" field: data-threadlight-author-replied). The role itself
 * (data-threadlight-role="post-author") is the core's: it is the contract, the highlight is style.
 */
import { ROOT } from '@/utils/view/core/core-styles';
import { defineViewFeature } from '@/utils/view/core/feature';
import { label } from '@/utils/view/core/labels';
import { importantRule as rule } from '@/utils/view/core/style-registry';
import { ATTR_BODY, ATTR_HIGHLIGHT, ATTR_UI } from '@/utils/view/dom-contract';

const FIELD = 'author-replied';
const tint = 'color-mix(in srgb, var(--threadlight-accent) 7%, transparent)';

const CSS = [
  rule(
    `${ROOT} .threadlight-badge`,
    `display: inline-block; margin: 0 0.5em; padding: 0 0.55em; border: 1px solid var(--threadlight-accent);
     border-radius: 999px; background: none; color: var(--threadlight-accent-text); font-size: 0.75rem; font-weight: 600;
     font-style: normal; line-height: 1.5; letter-spacing: 0.02em; text-transform: none; vertical-align: middle;
     white-space: nowrap`,
  ),
  rule(
    `${ROOT} .threadlight-replied`,
    'display: inline-block; width: 0.55em; height: 0.55em; border-radius: 50%; background: var(--threadlight-accent); flex: none',
  ),
  rule(
    `${ROOT}[${ATTR_HIGHLIGHT}] [${ATTR_BODY}~="post-author"]`,
    `border-inline-start: 3px solid var(--threadlight-accent); padding-inline-start: 0.75em;
     background-image: linear-gradient(${tint}, ${tint})`,
  ),
].join('\n');

export const authorHighlightFeature = defineViewFeature({
  id: 'author-highlight',
  fields: [FIELD],
  enabled: (options) => options.highlightAuthor,
  setup(ctx) {
    ctx.journal.set(ctx.root, ATTR_HIGHLIGHT);
    ctx.addStyles(CSS);
    const replied = ctx.state.field(FIELD);
    const sync = () => {
      const { index } = ctx.state;
      const threads = index.rootsWithAuthorReplies();
      replied.set(index.roots.filter((id) => threads.has(id)));
    };
    sync();
    ctx.on('thread', sync);
    ctx.comments.decorate((slot) => {
      const { comment, doc } = { comment: slot.comment, doc: ctx.doc };
      if (comment.isPostAuthor && comment.type === 'comment') {
        const badge = doc.createElement('span');
        badge.className = 'threadlight-badge';
        badge.setAttribute(ATTR_UI, 'badge');
        badge.textContent = label('view_author_badge');
        badge.title = label('view_author_badge_title');
        if (!slot.afterName(badge)) slot.beforeContent(badge);
      }
      if (replied.has(slot.id)) {
        const marker = doc.createElement('span');
        marker.className = 'threadlight-replied';
        marker.setAttribute(ATTR_UI, 'marker');
        marker.setAttribute('role', 'img');
        marker.setAttribute('aria-label', label('view_author_replied_marker'));
        marker.title = label('view_author_replied_marker');
        slot.inBar(marker, 'first');
      }
    });
    ctx.on('field', (change) => {
      // Threads that gained or lost an author reply (the page added comments): their marker follows.
      if (change.delta.fields.has(FIELD)) ctx.comments.refresh([...change.delta.ids].filter((id) => ctx.state.index.parent(id) === null));
    });
  },
});
