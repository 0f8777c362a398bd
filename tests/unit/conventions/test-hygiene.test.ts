/**
 * Tests that cannot fail are worse than no tests: they say "checked" about behaviour nobody checks. This test reads
 * every test file and rejects two patterns that made checks pass whatever the code did (docs/testing.md, "Checks
 * that can fail"):
 *
 * 1. `toBeDefined()`: a query that finds nothing returns `null`, which is defined. Use `not.toBeNull()`,
 *    `toBeTruthy()` or, better, assert the value itself.
 * 2. `continue` / `return` / `break` inside a loop or a per-item callback, BEFORE an assertion of that same body:
 *    when the skip condition is always true (the element was never inserted, the list is empty) every item is
 *    skipped and nothing is asserted. Either assert the condition instead of skipping, or count what was
 *    checked and assert the count — and say so on the line: `// skip: <where the count is asserted>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const TESTS_DIR = path.join(REPO_ROOT, 'tests');
const SELF = path.relative(REPO_ROOT, __filename);

/** Test files: Vitest's, the e2e runner's, and the helpers they share (probes, builders). */
function testSources(dir = TESTS_DIR): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...testSources(full));
    } else if (/\.(?:ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(full);
    }
  }
  return files;
}

/**
 * The code with comments, strings and template literals blanked out (same length, newlines kept), so braces and
 * keywords are found only where they are code. Regex literals are rare in tests and hold no braces here.
 */
export function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '/' && /[(,=:[!&|?{};]$|^$/.test(out.trimEnd().slice(-1))) {
      // A regex literal (it may hold quotes and backticks): up to the closing `/` outside a character class.
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      out += '/' + blank(source.slice(i + 1, j)) + (j < source.length && source[j] === '/' ? '/' : '');
      i = j + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') j++;
        j++;
      }
      // Template literals keep their `${…}` code out of the check: an assertion inside one is rare enough.
      out += c + blank(source.slice(i + 1, j)) + (j < source.length ? c : '');
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const LOOP_HEADER = /(?:\bfor\s*\(|\bwhile\s*\(|\.(?:forEach|each|map|flatMap|filter|some|every)\s*\()[^]*$/;
const ASSERTION = /\bexpect\s*[(.]|\bassert(?:\.\w+)?\s*\(/;
const SKIP = /\b(continue|return|break)\b/g;

/** Index of the `{` opening the block that encloses `position`, or -1. */
function enclosingBlockStart(code: string, position: number): number {
  let depth = 0;
  for (let i = position - 1; i >= 0; i--) {
    const c = code[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Index just past the `}` closing the block opened at `start`. */
function blockEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return code.length;
}

/**
 * The loop or per-item callback body holding `position`: the nearest enclosing block whose header (the code just
 * before its `{`, on the same statement) is a `for`/`while` loop or an array/`each` callback. Null when none.
 */
function enclosingLoopBody(code: string, position: number): { start: number; end: number } | null {
  for (let start = enclosingBlockStart(code, position); start >= 0; start = enclosingBlockStart(code, start)) {
    const header = code.slice(Math.max(0, start - 200), start);
    const statement = header.slice(Math.max(header.lastIndexOf(';'), header.lastIndexOf('{'), header.lastIndexOf('}')) + 1);
    if (LOOP_HEADER.test(statement)) return { start, end: blockEnd(code, start) };
    // A plain function body (a test, a helper) ends the search: a return there is not a per-item skip.
    if (/=>\s*$|\bfunction\b[^]*\)\s*(?::[^{]*)?$/.test(statement) && !LOOP_HEADER.test(statement)) return null;
  }
  return null;
}

export interface Finding {
  file: string;
  line: number;
  rule: 'toBeDefined' | 'skip-before-assertion';
  text: string;
}

export function findings(file: string, source: string): Finding[] {
  const found: Finding[] = [];
  const lines = source.split('\n');
  const code = codeOnly(source);
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  for (const match of code.matchAll(/\.toBeDefined\s*\(/g)) {
    const line = lineOf(match.index);
    found.push({ file, line, rule: 'toBeDefined', text: lines[line - 1]!.trim() });
  }
  for (const match of code.matchAll(SKIP)) {
    const body = enclosingLoopBody(code, match.index);
    if (!body) continue; // skip: not in a loop body, nothing per-item to guard
    // `return` of a value in a callback (map/filter) is its result, not a skip.
    const rest = code.slice(match.index + match[0].length).trimStart();
    if (match[1] === 'return' && !rest.startsWith(';') && !rest.startsWith('}')) continue; // skip: a callback's value
    if (!ASSERTION.test(code.slice(match.index, body.end))) continue; // skip: no assertion after it
    const line = lineOf(match.index);
    if (/\/\/\s*skip:\s*\S/.test(lines[line - 1]!)) continue; // skip: explained on the line
    found.push({ file, line, rule: 'skip-before-assertion', text: lines[line - 1]!.trim() });
  }
  return found;
}

describe('test hygiene: checks that can fail', () => {
  const files = testSources().filter((file) => path.relative(REPO_ROOT, file) !== SELF);

  it('reads the test files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('no toBeDefined(), no skip before an assertion without a "// skip:" reason', () => {
    const all = files.flatMap((file) => findings(path.relative(REPO_ROOT, file), fs.readFileSync(file, 'utf8')));
    expect(all.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });

  it('catches the patterns it names', () => {
    const bad = [
      "it('x', () => { expect(document.querySelector('.a')).toBeDefined(); });",
      "for (const id of ids) {\n  if (!exists(id)) continue;\n  expect(read(id)).toBe(1);\n}",
      "ids.forEach((id) => {\n  if (!exists(id)) return;\n  assert.equal(read(id), 1);\n});",
      "it.each(pages)('$label', (page) => {\n  for (const c of page.comments) {\n    if (c.skip) break;\n    expect(c).toBeTruthy();\n  }\n});",
    ];
    for (const source of bad) expect(findings('inline.ts', source), source).toHaveLength(1);
    // A regex literal holding quotes does not hide what follows it.
    expect(findings('inline.ts', "const r = /[\"`]/;\nexpect(q()).toBeDefined();")).toHaveLength(1);
    const fine = [
      "for (const id of ids) {\n  if (!exists(id)) continue; // skip: checked counts exercised ids below\n  expect(read(id)).toBe(1);\n}",
      "for (const id of ids) {\n  if (!exists(id)) continue;\n  visit(id);\n}",
      "const visible = ids.filter((id) => { if (hidden(id)) return false; return true; });\nexpect(visible).toEqual(['1']);",
      "function helper(el) {\n  if (!el) return;\n  expect(el.id).toBe('x');\n}",
      "// expect(x).toBeDefined() in a comment\nconst s = 'continue; expect(1)';",
      "const r = /[\"'`]/;\nconst t = 'x';",
    ];
    for (const source of fine) expect(findings('inline.ts', source), source).toEqual([]);
  });
});
