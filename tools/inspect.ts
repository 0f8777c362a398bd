/**
 * Inspector CLI: runs Threadlight's detector and parser (the same code as the extension) on saved pages or URLs.
 *   npm run parse -- [--json] FILE_OR_URL...
 * See `--help`. One input failing (missing, unreadable, not HTML) never stops the others; the exit code says so.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import type { Detection } from '@/utils/detect/types';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import { listParticipants } from '@/utils/thread/participants';
import { summarizeThread } from '@/utils/thread/stats';
import type { Thread, ThreadComment } from '@/utils/thread/types';

const HELP = `Threadlight inspector: detect and parse the comment threads of saved pages or URLs.

Usage: npm run parse -- [--json] [--tree] FILE_OR_URL...

  FILE_OR_URL   an HTML file, or an http(s) URL (fetched once, 20 s timeout)
  --json        one JSON object per input, one per line:
                {"file", "detected", "source", "postAuthor", "comments": [{"id", "parentId", "author",
                 "isPostAuthor", "type", "depth"}], "summary": {"comments", "participants", "people",
                 "postAuthorReplies", "pingbacks", "maxDepth"}}
                participants: distinct author names, pinging sites included (as WordPress counts);
                people: distinct commenters, pingbacks apart (what the popup lists).
                detected: a readable thread was found; source: its markup dialect ("wordpress",
                "wpdiscuz"), or the embedded system that holds the comments ("disqus", …), or null.
                An input that cannot be read gives {"file", "error"}.
  --tree        (readable output) print every comment, not only the first ${40}
  -h, --help    this text

Exit code: 0 when every input was read, 1 when one could not be, 2 on a usage error.
`;

const TREE_PREVIEW = 40;
const FETCH_TIMEOUT_MS = 20_000;

/** What the inspector says about one input. */
export interface InspectResult {
  file: string;
  detected: boolean;
  source: string | null;
  postAuthor: string | null;
  comments: Array<Pick<ThreadComment, 'id' | 'parentId' | 'isPostAuthor' | 'type' | 'depth'> & { author: string }>;
  summary: { comments: number; participants: number; people: number; postAuthorReplies: number; pingbacks: number; maxDepth: number };
}

/**
 * Participants as WordPress (and the corpus truth files) count them: distinct author names over every item,
 * pinging sites included. `people` is Threadlight's own figure (ThreadStats.participants: pings apart, case
 * variants merged), the one the popup shows.
 */
function distinctAuthorNames(thread: Thread): number {
  return new Set(thread.comments.map((comment) => comment.author.name)).size;
}

class InputError extends Error {}

/** A page's sections merged into one thread (page order), for the whole-page summary. */
function mergedThread(sections: ParsedSection[]): Thread {
  const first = sections[0]?.thread;
  return {
    dialect: first?.dialect ?? 'wordpress',
    postAuthor: sections.find((section) => section.thread.postAuthor)?.thread.postAuthor ?? null,
    comments: sections.flatMap((section) => section.thread.comments),
    pagination: first?.pagination ?? null,
    commentsOpen: sections.some((section) => section.thread.commentsOpen),
  };
}

/** True when the text looks like an HTML document or fragment (binary files and JSON are not). */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return false;
  return /<(?:!doctype\s+html|html|head|body|div|p|article|section|ol|ul|li|main|span|a)[\s>/]/i.test(head.length < text.length ? text.slice(0, 200_000) : text);
}

async function loadInput(input: string): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      throw new InputError(`cannot fetch ${input}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
    }
    if (!response.ok) throw new InputError(`cannot fetch ${input}: HTTP ${response.status} ${response.statusText}`.trim());
    const type = response.headers.get('content-type') ?? '';
    if (type && !/html/i.test(type)) throw new InputError(`not an HTML page: ${input} is ${type.split(';')[0]}`);
    return { html: await response.text(), url: response.url || input };
  }
  const file = path.resolve(input);
  const info = await stat(file).catch(() => null);
  if (!info) throw new InputError(`no such file: ${input}`);
  if (info.isDirectory()) throw new InputError(`is a directory, not an HTML file: ${input}`);
  const html = await readFile(file, 'utf8').catch((error: Error) => {
    throw new InputError(`cannot read ${input}: ${error.message}`);
  });
  if (!looksLikeHtml(html)) throw new InputError(`not an HTML file: ${input}`);
  return { html, url: pathToFileURL(file).href };
}

function sourceOf(detection: Detection, sections: ParsedSection[]): string | null {
  if (detection.status === 'unreadable') return detection.system;
  return sections[0]?.thread.dialect ?? null;
}

/** Detects and parses one page's HTML. */
export function inspectHtml(file: string, html: string, url: string): { result: InspectResult; thread: Thread; detection: Detection } {
  const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const detection = detectCommentSections(window.document);
  const sections = detection.status === 'found' ? detection.sections.map(parseSection) : [];
  // Only plain data leaves this function: the page's DOM can go (jsdom keeps a window alive until closed).
  window.close();
  const thread = mergedThread(sections);
  const stats = summarizeThread(thread);
  const result: InspectResult = {
    file,
    detected: detection.status === 'found',
    source: sourceOf(detection, sections),
    postAuthor: thread.postAuthor?.name ?? null,
    comments: thread.comments.map((c) => ({ id: c.id, parentId: c.parentId, author: c.author.name, isPostAuthor: c.isPostAuthor, type: c.type, depth: c.depth })),
    summary: {
      comments: stats.comments,
      participants: distinctAuthorNames(thread),
      people: stats.participants,
      postAuthorReplies: stats.postAuthorReplies,
      pingbacks: stats.pingbacks,
      maxDepth: stats.maxDepth,
    },
  };
  return { result, thread, detection };
}

function readableReport(result: InspectResult, thread: Thread, detection: Detection, showAll: boolean): string {
  const lines = [result.file];
  if (detection.status === 'none') return [...lines, '  no comment section'].join('\n');
  if (detection.status === 'unreadable') return [...lines, `  comments held by an embedded system: ${detection.system} (not readable)`].join('\n');
  const { summary } = result;
  const people = listParticipants(thread);
  lines.push(`  ${result.source} markup, ${detection.sections.length} section${detection.sections.length > 1 ? 's' : ''}, comments ${thread.commentsOpen ? 'open' : 'closed'}`);
  lines.push(
    `  ${summary.comments} comments · ${summary.people} people · ${summary.postAuthorReplies} by the post author · ${summary.pingbacks} pingbacks · depth ${summary.maxDepth}`,
  );
  if (thread.postAuthor) lines.push(`  post author: ${thread.postAuthor.name} (from ${thread.postAuthor.source})`);
  if (thread.pagination) lines.push(`  comment page ${thread.pagination.current ?? '?'} of ${thread.pagination.total ?? '?'}`);
  if (people.length > 0) lines.push(`  most active: ${people.slice(0, 5).map((p) => `${p.name} (${p.commentIds.length})`).join(', ')}`);
  const shown = showAll ? result.comments : result.comments.slice(0, TREE_PREVIEW);
  for (const c of shown) {
    const marks = [c.isPostAuthor ? 'post author' : '', c.type !== 'comment' ? c.type : ''].filter(Boolean).join(', ');
    lines.push(`  ${'  '.repeat(c.depth - 1)}#${c.id} ${c.author}${marks ? ` [${marks}]` : ''}`);
  }
  if (shown.length < result.comments.length) lines.push(`  … ${result.comments.length - shown.length} more (--tree shows all)`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const options = new Set(argv.filter((arg) => arg.startsWith('-')));
  const inputs = argv.filter((arg) => !arg.startsWith('-'));
  if (options.has('-h') || options.has('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const unknown = [...options].filter((option) => !['--json', '--tree'].includes(option));
  if (unknown.length > 0 || inputs.length === 0) {
    process.stderr.write(`${unknown.length > 0 ? `unknown option: ${unknown.join(' ')}` : 'no input given'}\n\n${HELP}`);
    return 2;
  }
  const json = options.has('--json');
  let failures = 0;
  for (const input of inputs) {
    try {
      const { html, url } = await loadInput(input);
      const { result, thread, detection } = inspectHtml(input, html, url);
      process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${readableReport(result, thread, detection, options.has('--tree'))}\n\n`);
    } catch (error) {
      failures++;
      const message = error instanceof InputError ? error.message : `failed on ${input}: ${(error as Error).stack ?? String(error)}`;
      process.stderr.write(`inspect: ${message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ file: input, error: message })}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`inspect: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
