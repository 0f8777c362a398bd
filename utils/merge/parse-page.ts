/**
 * A fetched comment page, read with the same detector and parser as the page on screen: an inert document
 * (DOMParser: no script runs, nothing loads), the section that matches the one on screen, its thread and
 * pagination. Or why it cannot be used (a login or paywall page, another post, no such section, another page).
 */
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import type { CommentSection } from '@/utils/detect/types';
import type { PageFailure } from '@/utils/merge/fetch-page';
import { hasLoginForm, isLoginUrl, isPaywallPage, isSamePost, postIdentityOf, type PostIdentity } from '@/utils/merge/page-facts';
import { sameOriginUrl } from '@/utils/merge/page-plan';
import { findPagination } from '@/utils/parse/pagination';
import { parseSection } from '@/utils/parse/parse-section';
import { scanSectionChrome } from '@/utils/parse/section-chrome';
import type { ParsedSection } from '@/utils/parse/types';
import type { PaginationInfo } from '@/utils/thread/types';
import { profileOf } from '@/utils/dialects/index';

export interface ParsedCommentPage {
  /** WordPress's page number asked for. */
  number: number;
  /** Final URL, without fragment: links of the page resolve against it. */
  url: string;
  /** The inert document the page was parsed into (never inserted; nodes for the page are rebuilt from it). */
  doc: Document;
  section: CommentSection;
  parsed: ParsedSection;
  /** The page's own pagination, read against its real URL (the document's URL is the reader's page). */
  pagination: PaginationInfo | null;
}

export type ParseOutcome = { ok: true; page: ParsedCommentPage } | { ok: false; failure: PageFailure };

/** What the section on screen looks like, to pick the same one among a fetched page's sections. */
export interface SectionSignature {
  dialect: CommentSection['dialect'];
  rootId: string;
  rootTag: string;
  listTag: string;
  listClasses: string[];
}

export function sectionSignature(section: CommentSection): SectionSignature {
  return {
    dialect: section.dialect,
    rootId: section.root.id,
    rootTag: section.root.localName,
    listTag: section.list.localName,
    listClasses: (section.list.getAttribute('class') ?? '').split(/\s+/).filter(Boolean),
  };
}

function similarity(signature: SectionSignature, section: CommentSection): number {
  if (section.dialect !== signature.dialect) return 0;
  const other = sectionSignature(section);
  let score = 1;
  if (other.rootId === signature.rootId) score += 4;
  if (other.rootTag === signature.rootTag) score += 1;
  if (other.listTag === signature.listTag) score += 2;
  score += other.listClasses.filter((name) => signature.listClasses.includes(name)).length;
  return score;
}

/** The fetched section most like the one on screen (same dialect required; ties: the one with more comments). */
export function pickMatchingSection(sections: CommentSection[], signature: SectionSignature): { section: CommentSection; parsed: ParsedSection } | null {
  let best: { section: CommentSection; parsed: ParsedSection; score: number } | null = null;
  for (const section of sections) {
    const score = similarity(signature, section);
    if (score === 0 || (best && score < best.score)) continue;
    const parsed = parseSection(section);
    if (!best || score > best.score || parsed.thread.comments.length > best.parsed.thread.comments.length) best = { section, parsed, score };
  }
  return best && best.parsed.thread.comments.length > 0 ? { section: best.section, parsed: best.parsed } : null;
}

/**
 * Gives the inert document the base URL of the page it came from, so the parser and the sanitizer resolve its
 * relative links there (a DOMParser document's URL is the reader's page). The page's own `<base>` is kept only
 * when it stays on the page's origin.
 */
function setBase(doc: Document, url: string): void {
  const existing = doc.querySelector('base[href]');
  const declared = existing ? sameOriginUrl(existing.getAttribute('href') ?? '', url) : null;
  for (const base of Array.from(doc.querySelectorAll('base'))) base.remove();
  const base = doc.createElement('base');
  base.setAttribute('href', declared ?? url);
  (doc.head ?? doc.documentElement).prepend(base);
}

export interface ParsePageInput {
  html: string;
  /** Final URL of the response (without fragment). */
  url: string;
  number: number;
  /** The post on screen (postIdentityOf(document, document.URL)). */
  post: PostIdentity;
  signature: SectionSignature;
  /** A DOMParser of the reader's window (the content script's). */
  parser: DOMParser;
}

/** Parse one fetched page into the thread of its comment section, or classify why it cannot be merged. */
export function parseCommentPage(input: ParsePageInput): ParseOutcome {
  if (isLoginUrl(input.url)) return { ok: false, failure: { kind: 'login' } };
  const doc = input.parser.parseFromString(input.html, 'text/html');
  setBase(doc, input.url);
  if (!isSamePost(input.post, postIdentityOf(doc, input.url))) return { ok: false, failure: { kind: 'other-post' } };

  const detection = detectCommentSections(doc);
  const match = detection.status === 'found' ? pickMatchingSection(detection.sections, input.signature) : null;
  if (!match) {
    // Only when no comment section is there: a sidebar login widget beside the comments is no login wall.
    if (hasLoginForm(doc)) return { ok: false, failure: { kind: 'login' } };
    if (isPaywallPage(doc)) return { ok: false, failure: { kind: 'paywall' } };
    return { ok: false, failure: { kind: 'no-comments' } };
  }
  const profile = profileOf(match.section.dialect);
  const commentElements = new Set([...match.parsed.parts.values()].map((parts) => parts.element));
  const chrome = scanSectionChrome(match.section.root, match.section.list, profile, (el) => commentElements.has(el));
  // Read against the fetched page's own URL (the parser reads doc.URL, which is the reader's page).
  const pagination = findPagination(chrome.navs, input.url, profile);
  if (pagination?.current != null && pagination.current !== input.number) {
    return { ok: false, failure: { kind: 'wrong-page', found: pagination.current } };
  }
  return { ok: true, page: { number: input.number, url: input.url, doc, section: match.section, parsed: match.parsed, pagination } };
}
