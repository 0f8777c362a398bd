/**
 * Detection: one walk of the page (comment-items.ts), the outermost items grouped by section root (or list), each
 * group judged by the rule (evidence.ts). The walk is handed to parseSection, which then does not walk again.
 */
import { runSteps, type Steps } from '@/utils/common/steps';
import { walkCommentItemsSteps, type ItemWalk } from '@/utils/detect/comment-items';
import { findEmbeddedSystem } from '@/utils/detect/embedded-systems';
import { judgeGroup, PageContext, type Group } from '@/utils/detect/evidence';
import type { CommentSection, Detection } from '@/utils/detect/types';
import { markTables } from '@/utils/dialects/index';
import { classTokens } from '@/utils/dom/class-tokens';
import { safeDom, type SafeDom } from '@/utils/dom/safe-dom';
import type { MarkupDialect } from '@/utils/thread/types';

export { findCommentForms, isCommentForm } from '@/utils/detect/comment-forms';

/** The walk each detected section came from: parseSection takes it once instead of walking the section again. */
const detectedWalks = new WeakMap<CommentSection, ItemWalk>();

/**
 * The walk detection made for `section`, handed over once (a later parse, after the page changed, walks again).
 * Null when the section was not made by detectCommentSections or was already parsed.
 */
export function takeDetectedWalk(section: CommentSection): ItemWalk | null {
  const walk = detectedWalks.get(section) ?? null;
  detectedWalks.delete(section);
  return walk;
}

/**
 * The nearest section root around `el` (ancestors only: `h3#comments`, a heading, is never a root), and the dialect
 * it belongs to: the most specific of its id and classes (`div#comments.comment-wrapper` is Drupal 7's; `#comments`
 * and `.comments` alone belong to no engine in particular).
 */
function nearestRoot(el: Element, dom: SafeDom): { root: Element; dialect: MarkupDialect | null } | null {
  const { rootIds, rootClasses } = markTables();
  for (let node = dom.parentElement(el); node; node = dom.parentElement(node)) {
    const id = dom.id(node);
    let found = id !== '' && rootIds.has(id);
    let dialect: MarkupDialect | null = found && id !== 'comments' ? rootIds.get(id)! : null;
    for (const token of classTokens(node, dom)) {
      const owner = rootClasses.get(token);
      if (!owner) continue;
      found = true;
      if (token !== 'comments') dialect ??= owner;
    }
    if (found) return { root: node, dialect };
  }
  return null;
}

/**
 * Groups the items by section: replies join their parent's group (nested in it, or in the reply list that follows
 * it); top-level items by their nearest section root, else by their list (lists nested in one another are one).
 */
function groupItems(walk: ItemWalk, dom: SafeDom): Group[] {
  const groups: Group[] = [];
  const groupOf: Array<Group | null> = [];
  const byKey = new Map<Element, Group>();
  walk.items.forEach((item, i) => {
    const parent = walk.domParent[i]! >= 0 ? walk.domParent[i]! : walk.afterParent[i]!;
    if (parent >= 0) {
      const group = groupOf[parent] ?? null;
      group?.all.push(i);
      groupOf[i] = group;
      return;
    }
    const found = nearestRoot(item.element, dom);
    const key = found?.root ?? dom.parentElement(item.element);
    if (!key) {
      groupOf[i] = null;
      return;
    }
    let group = byKey.get(key);
    if (!group) {
      group = { root: found?.root ?? null, rootDialect: found?.dialect ?? null, top: [], all: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.top.push(i);
    group.all.push(i);
    groupOf[i] = group;
  });
  return mergeNestedRootless(groups, walk, dom);
}

/**
 * Rootless groups are keyed by the items' parent element; when one such list sits inside another (replies printed
 * as siblings of their parent, in a `ul.children` next to it), both are one section.
 */
function mergeNestedRootless(groups: Group[], walk: ItemWalk, dom: SafeDom): Group[] {
  const merged: Group[] = [];
  const parentOf = (group: Group): Element | null => {
    const first = group.top[0];
    return first === undefined ? null : dom.parentElement(walk.items[first]!.element);
  };
  for (const group of groups) {
    if (group.root) {
      merged.push(group);
      continue;
    }
    const parent = parentOf(group);
    const host = merged.find((other) => {
      const otherParent = parentOf(other);
      return !other.root && otherParent && parent && (dom.contains(otherParent, parent) || dom.contains(parent, otherParent));
    });
    if (host) {
      host.top.push(...group.top);
      host.all.push(...group.all);
    } else {
      merged.push(group);
    }
  }
  return merged;
}

/** Finds the readable comment sections of a page, or the embedded system that holds its comments. */
export function detectCommentSections(doc: Document): Detection {
  return runSteps(detectCommentSectionsSteps(doc));
}

/** detectCommentSections as steps that pause during the walk and between groups (utils/common/steps.ts). */
export function* detectCommentSectionsSteps(doc: Document): Steps<Detection> {
  const dom = safeDom(doc);
  const walk = yield* walkCommentItemsSteps(doc);
  yield;
  const sections: CommentSection[] = [];
  if (walk.items.length > 0) {
    const context = new PageContext(doc, dom);
    for (const group of groupItems(walk, dom)) {
      yield;
      const verdict = judgeGroup(group, walk, context);
      if (!verdict.accepted || !verdict.list) continue;
      const section: CommentSection = { root: group.root ?? verdict.list, list: verdict.list, dialect: verdict.dialect };
      detectedWalks.set(section, walk);
      sections.push(section);
    }
  }
  if (sections.length > 0) return { status: 'found', sections };
  const system = findEmbeddedSystem(doc);
  return system ? { status: 'unreadable', system } : { status: 'none' };
}
