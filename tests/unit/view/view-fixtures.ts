/**
 * Corpus pages for the view tests: a page in its own JSDOM window, and a ParsedSection built from the page's
 * truth file (WordPress's own data), so the view is tested independently of the parser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { ParsedSection } from '@/utils/parse/types';
import type { CommentType, ThreadComment } from '@/utils/thread/types';
import { SHARED_DIR } from '../../shared-material';
import { partsFrom } from './parts';

export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const THEMES = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'] as const;
export type Theme = (typeof THEMES)[number];

export interface TruthComment {
  wp_id: number;
  parent_wp_id: number;
  author: string;
  is_post_author: boolean;
  type: CommentType;
  depth: number;
  author_url?: string;
}

export interface Truth {
  url: string;
  post_author: string;
  comments: TruthComment[];
}

export interface CorpusFixture {
  dom: JSDOM;
  doc: Document;
  truth: Truth;
  parsed: ParsedSection;
  root: Element;
}

const htmlCache = new Map<string, string>();

export function readTruth(theme: Theme, variant: string): Truth {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, theme, `${variant}.truth.json`), 'utf8')) as Truth;
}

/** A fresh JSDOM window on a corpus page (the HTML is read once per test file). */
export function openCorpusPage(theme: Theme, variant: string, hash = ''): { dom: JSDOM; doc: Document; truth: Truth } {
  const file = path.join(CORPUS_DIR, theme, `${variant}.html`);
  let html = htmlCache.get(file);
  if (html === undefined) {
    html = fs.readFileSync(file, 'utf8');
    htmlCache.set(file, html);
  }
  const truth = readTruth(theme, variant);
  const dom = new JSDOM(html, { url: truth.url + hash });
  return { dom, doc: dom.window.document, truth };
}

/** The section root the detector would report on the three corpus themes. */
export function sectionRootOf(doc: Document): Element {
  const root = doc.querySelector('#comments.comments-area, .wp-block-post-comments, .wp-block-comments');
  if (!root) throw new Error('no comment section on this page');
  return root;
}

/** The thread as WordPress knows it, mapped onto the page's elements (#comment-N, #div-comment-N or first child). */
export function parsedFromTruth(doc: Document, truth: Truth): ParsedSection {
  const elements = new Map<string, Element>();
  const bodies = new Map<string, Element>();
  const comments: ThreadComment[] = truth.comments.map((c) => {
    const id = String(c.wp_id);
    const element = doc.getElementById(`comment-${id}`);
    if (!element) throw new Error(`#comment-${id} not on the page`);
    elements.set(id, element);
    bodies.set(id, doc.getElementById(`div-comment-${id}`) ?? element.firstElementChild ?? element);
    return {
      id,
      parentId: c.parent_wp_id ? String(c.parent_wp_id) : null,
      depth: c.depth,
      author: { name: c.author, url: c.author_url || null, avatar: null },
      isPostAuthor: c.is_post_author,
      type: c.type,
      date: null,
      dateText: null,
      permalink: null,
      pending: false,
      text: '',
    };
  });
  return {
    thread: {
      dialect: 'wordpress',
      postAuthor: { name: truth.post_author, url: null, source: 'bypostauthor' },
      comments,
      pagination: null,
      commentsOpen: true,
    },
    elements,
    bodies,
    parts: partsFrom(elements, bodies),
  };
}

export function openCorpusFixture(theme: Theme, variant: string, hash = ''): CorpusFixture {
  const { dom, doc, truth } = openCorpusPage(theme, variant, hash);
  return { dom, doc, truth, parsed: parsedFromTruth(doc, truth), root: sectionRootOf(doc) };
}

/** Ids of the comments with at least one reply, per the truth. */
export function idsWithReplies(truth: Truth): Set<string> {
  return new Set(truth.comments.filter((c) => c.parent_wp_id).map((c) => String(c.parent_wp_id)));
}

/** Every descendant id of `id`, per the truth. */
export function truthDescendants(truth: Truth, id: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of truth.comments) {
    const parent = String(c.parent_wp_id);
    children.set(parent, [...(children.get(parent) ?? []), String(c.wp_id)]);
  }
  const result: string[] = [];
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const next = stack.shift()!;
    result.push(next);
    stack.unshift(...(children.get(next) ?? []));
  }
  return result;
}
