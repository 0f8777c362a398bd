/**
 * Detection and parsing in slices (utils/common/steps.ts): the content script runs the same steps as the pure
 * functions, pausing between slices so no task lasts long. Here the pauses come at EVERY checkpoint (a clock that
 * is always past the deadline): the result must be the very same thread and the very same page parts as the
 * one-shot functions give, on every markup fixture and on the corpus pages when ../shared is there; a page that
 * takes away the node the walk stands on makes the walk start again; a cancelled run stops.
 */
import { describe, expect, it } from 'vitest';
import { runStepsInSlices, type SliceOptions, type Steps } from '@/utils/common/steps';
import { detectCommentSections, detectCommentSectionsSteps } from '@/utils/detect/detect-comment-sections';
import type { Detection } from '@/utils/detect/types';
import { parseSection, parseSectionSteps } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import { closeDocument, corpusPages, fixturePages, loadDocument, type CorpusPage } from '../../corpus/corpus-pages';

/** A clock always past the deadline: every checkpoint pauses. Counts the pauses; `onPause` may change the page. */
function everyCheckpoint(onPause: (count: number) => void = () => {}): SliceOptions & { pauses: () => number } {
  let pauses = 0;
  let time = 0;
  return {
    now: () => (time += 1),
    sliceMs: 0,
    pause: async () => {
      pauses++;
      onPause(pauses);
    },
    pauses: () => pauses,
  };
}

/** Detection, then each section's parse, each run in slices. */
async function slicedPass(doc: Document, options: SliceOptions): Promise<{ detection: Detection; sections: ParsedSection[] }> {
  const detection = (await runStepsInSlices(() => detectCommentSectionsSteps(doc), options))!;
  const sections: ParsedSection[] = [];
  if (detection.status === 'found') {
    for (const section of detection.sections) sections.push((await runStepsInSlices(() => parseSectionSteps(section), options))!);
  }
  return { detection, sections };
}

function wholePass(doc: Document): { detection: Detection; sections: ParsedSection[] } {
  const detection = detectCommentSections(doc);
  return { detection, sections: detection.status === 'found' ? detection.sections.map(parseSection) : [] };
}

/** Threads as data (text read), and every part as the same node. */
function expectSameParse(label: string, sliced: ParsedSection[], whole: ParsedSection[]): void {
  expect(sliced.length, label).toBe(whole.length);
  for (const [i, parsed] of sliced.entries()) {
    const other = whole[i]!;
    expect(JSON.parse(JSON.stringify(parsed.thread)), `${label} #${i}`).toEqual(JSON.parse(JSON.stringify(other.thread)));
    expect([...parsed.parts.keys()], `${label} #${i}`).toEqual([...other.parts.keys()]);
    for (const [id, parts] of parsed.parts) {
      const expected = other.parts.get(id)!;
      for (const key of ['element', 'body', 'content', 'name', 'replyLink', 'replies', 'continuation'] as const) {
        expect(parts[key], `${label} #${i} ${id}.${key}`).toBe(expected[key]);
      }
    }
    expect(parsed.section?.root).toBe(other.section?.root);
    expect(parsed.section?.forms).toEqual(other.section?.forms);
  }
}

// The big generated pages are the corpus-big test's (jsdom is slow on them); their markup is the seeds'.
const pages: CorpusPage[] = [...fixturePages(), ...corpusPages().filter((page) => !page.label.includes('/big-'))];

describe('detection and parsing in slices give what the one-shot functions give', () => {
  it.each(pages.map((page) => [page.label, page] as const))('%s', async (_label, page) => {
    const doc = loadDocument(page);
    const options = everyCheckpoint();
    const sliced = await slicedPass(doc, options);
    const whole = wholePass(doc);
    expect(sliced.detection.status).toBe(whole.detection.status);
    expect(options.pauses()).toBeGreaterThan(0);
    expectSameParse(page.label, sliced.sections, whole.sections);
    closeDocument(doc);
  });
});

describe('runStepsInSlices', () => {
  function* counting(limit: number, trace: number[]): Steps<number> {
    for (let i = 0; i < limit; i++) {
      trace.push(i);
      yield;
    }
    return limit;
  }

  it('works until the slice is spent, then pauses, and returns the result', async () => {
    let time = 0;
    const pausedAt: number[] = [];
    const trace: number[] = [];
    const result = await runStepsInSlices(() => counting(10, trace), {
      now: () => time,
      sliceMs: 3,
      pause: async () => {
        pausedAt.push(trace.length);
      },
    });
    expect(result).toBe(10);
    // The clock does not move: no pause at all.
    expect(pausedAt).toEqual([]);
    const steps: number[] = [];
    const result2 = await runStepsInSlices(() => counting(10, steps), {
      now: () => (time += 1), // each checkpoint costs 1 ms
      sliceMs: 3,
      pause: async () => {
        pausedAt.push(steps.length);
      },
    });
    expect(result2).toBe(10);
    expect(pausedAt).toEqual([3, 6, 9]);
  });

  it('stops when cancelled during a pause', async () => {
    const trace: number[] = [];
    let cancel = false;
    const result = await runStepsInSlices(() => counting(100, trace), {
      now: (() => {
        let time = 0;
        return () => (time += 1);
      })(),
      sliceMs: 5,
      pause: async () => {
        cancel = true;
      },
      cancelled: () => cancel,
    });
    expect(result).toBeNull();
    expect(trace.length).toBeLessThan(10);
  });

  it('lets other errors through', async () => {
    function* failing(): Steps<number> {
      yield;
      throw new TypeError('broken');
    }
    await expect(runStepsInSlices(failing, everyCheckpoint())).rejects.toThrow('broken');
  });
});

describe('a page that changes under the sliced walk', () => {
  /** A fixture page with a block of filler elements before its comments: the walk pauses inside it. */
  function withFiller(fillers: number): { doc: Document; page: CorpusPage } {
    const page = fixturePages().find((candidate) => candidate.label === 'fixtures/astra')!;
    const doc = loadDocument(page);
    for (let n = 0; n < fillers; n++) {
      const filler = doc.createElement('div');
      filler.className = 'filler';
      for (let i = 0; i < 600; i++) filler.append(doc.createElement('span'));
      doc.body.prepend(filler);
    }
    return { doc, page };
  }

  it('starts again when the node it stands on is removed, and reads the page as it is now', async () => {
    const { doc } = withFiller(1);
    let starts = 0;
    const options = everyCheckpoint((count) => {
      if (count === 1) doc.querySelector('.filler')!.remove();
    });
    const detection = await runStepsInSlices(() => {
      starts++;
      return detectCommentSectionsSteps(doc);
    }, options);
    expect(starts).toBe(2);
    expect(detection!.status).toBe('found');
    const whole = wholePass(doc);
    const sliced = await slicedPass(doc, everyCheckpoint());
    expectSameParse('after the change', sliced.sections, whole.sections);
  });

  it('after two restarts, runs at once (the page cannot change under it)', async () => {
    const { doc } = withFiller(3);
    let starts = 0;
    const options = everyCheckpoint(() => doc.querySelector('.filler')?.remove());
    const detection = await runStepsInSlices(() => {
      starts++;
      return detectCommentSectionsSteps(doc);
    }, options);
    expect(starts).toBe(3);
    expect(detection!.status).toBe('found');
    expect(doc.querySelectorAll('.filler')).toHaveLength(1);
  });
});
