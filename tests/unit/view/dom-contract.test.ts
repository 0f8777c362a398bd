/**
 * The DOM contract convention (refined-github style): every `data-threadlight*` name the code writes or reads is
 * a constant of utils/view/dom-contract.ts, no such literal appears anywhere else (comments aside), and every name
 * (features' state fields included) is documented in docs/dom-contract.md, which names nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_FOCUS, FIELD_SELECTED } from '@/utils/view/core/view-state';
import { DOM_CONTRACT_NAMES, fieldAttribute } from '@/utils/view/dom-contract';
import { VIEW_FEATURES } from '@/utils/view/features';

const repoRoot = path.resolve(__dirname, '../../..');
const CODE_DIRS = ['utils', 'components', 'entrypoints', 'bench', 'scripts', 'tools', 'tests'];
const NAME = /data-threadlight(?:-[a-z]+)*/g;

/**
 * Files that may spell names out, each for a reason; even there, every name must be one of the contract's.
 */
const EXCEPTIONS: { file: RegExp; why: string }[] = [
  { file: /^utils\/view\/dom-contract\.ts$/, why: 'the contract itself' },
  {
    file: /^utils\/(?:parse|detect)\//,
    why: 'the parser skips our inserted elements; it keeps its own copy of ATTR_UI so utils/parse does not depend on utils/view (the parser lane owns these files)',
  },
  { file: /^tests\/unit\/parse\//, why: "the parser lane's tests of how the parser skips our inserted elements" },
  { file: /^tests\/e2e\//, why: 'in-page probes are serialized into the tested page, where no module can be imported' },
  { file: /^bench\/browser-bench\.ts$/, why: 'in-page probes are serialized into the measured page' },
  { file: /^scripts\/(?:demo|store-screenshots)\.ts$/, why: 'in-page probes are serialized into the demo page' },
  { file: /^tests\/hostile\//, why: 'hostile payloads impersonate our attributes on purpose' },
  { file: /^tests\/unit\/view\/dom-contract\.test\.ts$/, why: 'this test' },
];

/** The source without its comments (strings and template literals kept): a small lexer, enough for our code. */
export function withoutComments(source: string): string {
  let out = '';
  let i = 0;
  const templateDepth: number[] = [];
  let braces = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === '"' || c === "'") {
      const start = i++;
      while (i < source.length && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      out += source.slice(start, ++i);
    } else if (c === '`' || (c === '}' && templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === braces)) {
      if (c === '}') templateDepth.pop();
      const start = i++;
      while (i < source.length && source[i] !== '`' && !(source[i] === '$' && source[i + 1] === '{')) i += source[i] === '\\' ? 2 : 1;
      if (source[i] === '$') {
        templateDepth.push(braces);
        i += 2;
      } else i++;
      out += source.slice(start, i);
    } else {
      if (c === '{') braces++;
      else if (c === '}') braces--;
      out += c;
      i++;
    }
  }
  return out;
}

function codeFiles(): string[] {
  return CODE_DIRS.flatMap((dir) => {
    const absolute = path.join(repoRoot, dir);
    if (!fs.existsSync(absolute)) return [];
    return fs
      .readdirSync(absolute, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:ts|tsx|mts|mjs|js)$/.test(entry.name) && !entry.parentPath.includes('node_modules'))
      .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  });
}

const fieldNames = [FIELD_SELECTED, FIELD_FOCUS, ...VIEW_FEATURES.flatMap((feature) => feature.fields ?? [])];
const known = new Set<string>([...DOM_CONTRACT_NAMES, ...fieldNames.map(fieldAttribute)]);
const docs = fs.readFileSync(path.join(repoRoot, 'docs/dom-contract.md'), 'utf8');

describe('the DOM contract', () => {
  it('the comment stripper keeps strings and drops comments', () => {
    const sample = "const a = 'data-threadlight-x'; // data-threadlight-y\n/* data-threadlight-z */ const b = `${a} data-threadlight-w`;";
    expect(withoutComments(sample).match(NAME)).toEqual(['data-threadlight-x', 'data-threadlight-w']);
  });

  it('is the only place that spells out data-threadlight names', () => {
    const files = codeFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((file) => !EXCEPTIONS.some((exception) => exception.file.test(file)))
      .flatMap((file) => {
        const names = withoutComments(fs.readFileSync(path.join(repoRoot, file), 'utf8')).match(NAME) ?? [];
        return names.map((name) => `${file}: ${name}`);
      });
    expect(offenders).toEqual([]);
  });

  it('the files that may spell names out use only the contract’s names', () => {
    const files = codeFiles().filter((file) => EXCEPTIONS.some((exception) => exception.file.test(file)));
    expect(files.length).toBeGreaterThan(5);
    const unknown = files.flatMap((file) => {
      const names = withoutComments(fs.readFileSync(path.join(repoRoot, file), 'utf8')).match(NAME) ?? [];
      // A prefix that a template completes (`data-threadlight-${field}`) is not a name.
      return names.filter((name) => !known.has(name) && !name.endsWith('-') && file !== 'tests/unit/view/dom-contract.test.ts').map((name) => `${file}: ${name}`);
    });
    expect(unknown).toEqual([]);
  });

  it('documents every name, the state fields of every feature included', () => {
    expect(known.size).toBeGreaterThan(20);
    const undocumented = [...known].filter((name) => !new RegExp(`\`${name}(?:[=\`"\\]])`).test(docs));
    expect(undocumented).toEqual([]);
  });

  it('documents no name the code does not have', () => {
    const documented = new Set(docs.match(NAME) ?? []);
    expect(documented.size).toBeGreaterThan(20);
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });
});
