/**
 * What the content script's first pass costs the page's main thread, from a Chromium trace: the tasks between the
 * threadlight:start and threadlight:ready marks, their wall and CPU time, and the GC, style and layout inside them.
 * The CPU time (trace `tdur`) is what the page pays; wall time also holds waiting for a core on a busy machine.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      functionName?: string;
      lineNumber?: number;
      columnNumber?: number;
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { url?: string; functionName?: string; lineNumber?: number } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface TraceBreakdown {
  /**
   * Evaluating the content script: compile and top-level code, up to main() (the start mark), CPU ms (the script
   * run's thread time, pro rata when the first pass carries on inside it); compile alone, wall ms.
   */
  evaluateCpuMs: number;
  compileMs: number;
  /** threadlight:start → threadlight:ready (or :bail), ms. */
  windowMs: number;
  /** Main-thread tasks overlapping the window: count, wall and CPU ms (without the evaluation), the longest's wall ms. */
  tasks: number;
  taskWallMs: number;
  taskCpuMs: number;
  longestTaskMs: number;
  /** Inside the window, ms (wall): garbage collection, style recalculation, layout. */
  gcMs: number;
  styleMs: number;
  layoutMs: number;
  /** The content script's callbacks after the window (deferred work: idle slices, observers), CPU ms. */
  afterCpuMs: number;
  /** Threadlight's scripts evaluated in the page, by file name (`loader.js` alone on a page without signals). */
  evaluatedScripts: string[];
  /** threadlight:start → threadlight:rendered (every comment rendered), ms; null without that mark. */
  renderedWindowMs: number | null;
  /** Main-thread tasks that ran Threadlight's code, from its start to the end of its rendering: count and CPU ms. */
  ownTasks: number;
  ownTaskCpuMs: number;
  /**
   * Threadlight's longest stretch of its own script in one task (wall ms: our EvaluateScript and FunctionCall
   * events, what they call included), and what that task held: the marks inside it (detected, parsed…) or 'callback'.
   * A rendering task that runs one small callback of ours and then lays the page out is not counted as ours.
   */
  longestOwnTaskMs: number;
  longestOwnTaskHolds: string;
  /** The longest task that ran any of our code, whole (ms), and our share of it, for context. */
  longestTaskWithOursMs: number;
  longestTaskWithOursShare: number;
  /** Our own script's CPU (thread time of our outermost calls), without the browser's work in the same tasks. */
  ownScriptCpuMs: number;
  /** The part of it up to the ready (or bail) mark: evaluation, detection, parsing, the first slice. */
  ownScriptCpuToReadyMs: number;
  /**
   * From the sampling profiler: CPU ms of samples whose stack holds our code, from the start to the end of rendering,
   * the part up to ready, and the most of it in one main-thread task (microtask continuations included). Null when
   * the trace holds no samples.
   */
  sampledOwnMs: number | null;
  sampledOwnToReadyMs: number | null;
  sampledLongestOwnTaskMs: number | null;
  sampledLongestOwnTaskAtMs: number | null;
  /** In that task, where our time went: our innermost functions, ms. */
  sampledLongestOwnTaskTop: string;
  /** Our five longest calls (wall ms), named by function and place (readable with the unminified build). */
  longestCalls: { ms: number; cpuMs: number; name: string; afterStartMs: number; inside: string }[];
}

// The V8 sampling profiler's samples too: work resumed after `scheduler.yield()` (our detection and parse slices)
// runs as microtasks, which the trace does not name as our calls; the samples' stacks do.
const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];
/** Top-level GC events (their V8.GC_* children would count twice). */
const GC_EVENTS = new Set(['MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL']);

/** Start tracing on a page's CDP session; the returned function stops it and yields the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

const ms = (us: number | undefined) => (us ?? 0) / 1000;

const OUR_URL = /^chrome-extension:\/\/[^/]+\/(content-scripts\/|loader\.js)/;

/** The main thread's profiler samples as [time µs, duration µs, ours?], from the trace's ProfileChunk events. */
function ownSamples(events: TraceEvent[], pid: number, tid: number): { ts: number; dur: number; ours: boolean; frame: string; stack: string[] }[] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile?.id || profile.args?.data?.startTime === undefined) return [];
  const nodes = new Map<number, { parent?: number; ours: boolean; name: string }>();
  const samples: { ts: number; node: number }[] = [];
  let time = profile.args.data.startTime;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid)) {
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      const frame = node.callFrame;
      nodes.set(node.id, { parent: node.parent, ours: OUR_URL.test(frame.url ?? ''), name: `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/^.*\//, '')}:${(frame.lineNumber ?? 0) + 1}` });
    }
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      time += deltas[i] ?? 0;
      samples.push({ ts: time, node });
    });
  }
  const oursMemo = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = oursMemo.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const value = node ? node.ours || (node.parent !== undefined && isOurs(node.parent)) : false;
    oursMemo.set(id, value);
    return value;
  };
  /** The innermost of our functions on the sample's stack (what it spent its time in, the browser's calls included). */
  const ourFrame = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = nodes.get(at)?.parent) {
      const node = nodes.get(at);
      if (node?.ours) return node.name;
    }
    return '';
  };
  /** Our functions on the sample's stack, each once (for inclusive time). */
  const ourStack = (id: number): string[] => {
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = nodes.get(at)?.parent) {
      const node = nodes.get(at);
      if (node?.ours) names.add(node.name);
    }
    return [...names];
  };
  samples.sort((a, b) => a.ts - b.ts);
  return samples.map((sample, i) => ({
    ts: sample.ts,
    dur: Math.max(0, (samples[i + 1]?.ts ?? sample.ts) - sample.ts),
    ours: isOurs(sample.node),
    frame: ourFrame(sample.node),
    stack: ourStack(sample.node),
  }));
}

function topFrames(samples: { dur: number; frame: string; stack: string[] }[]): string {
  const byFrame = new Map<string, number>();
  if (process.env.THREADLIGHT_BENCH_INCLUSIVE) {
    for (const sample of samples) for (const frame of sample.stack) byFrame.set(frame, (byFrame.get(frame) ?? 0) + sample.dur);
  } else {
    for (const sample of samples) byFrame.set(sample.frame, (byFrame.get(sample.frame) ?? 0) + sample.dur);
  }
  return [...byFrame]
    .sort((a, b) => b[1] - a[1])
    .slice(0, process.env.THREADLIGHT_BENCH_INCLUSIVE ? 60 : 30)
    .map(([frame, us]) => `${(us / 1000).toFixed(1)} ${frame}`)
    .join('\n    ');
}

/** The first pass's cost, or null when the trace holds no start/ready marks. */
export function breakdown(events: TraceEvent[]): TraceBreakdown | null {
  const mark = (name: string) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const start = mark('threadlight:start');
  const ready = mark('threadlight:ready') ?? mark('threadlight:bail');
  if (!start || !ready) return null;
  // The loader (loader.js, every page) and the full content script (content-scripts/content.js, injected).
  const ours = (e: TraceEvent) => e.ph === 'X' && e.pid === start.pid && OUR_URL.test(e.args?.data?.url ?? '');
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid);
  const inWindow = (e: TraceEvent) => e.ts < ready.ts && e.ts + (e.dur ?? 0) > start.ts;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && inWindow(e));
  const inside = onMain.filter((e) => e.ts >= start.ts && e.ts <= ready.ts);
  const total = (filter: (e: TraceEvent) => boolean) => inside.filter(filter).reduce((sum, e) => sum + ms(e.dur), 0);
  const cpu = (list: TraceEvent[]) => list.reduce((sum, e) => sum + ms(e.tdur), 0);
  const evaluations = events.filter((e) => ours(e) && e.name === 'EvaluateScript');
  // main() runs at the end of the module's evaluation, and the first pass may carry on inside that same script run
  // (its storage read settles in the run's microtasks): the evaluation proper ends at the start mark.
  const contains = (outer: TraceEvent, ts: number) => outer.ts <= ts && ts < outer.ts + (outer.dur ?? 0);
  const evaluationWall = (ev: TraceEvent) => (contains(ev, start.ts) ? start.ts - ev.ts : (ev.dur ?? 0));
  const evaluationCpu = (ev: TraceEvent) => ms(ev.tdur) * (ev.dur ? evaluationWall(ev) / ev.dur : 1);
  const evaluationInTasks = evaluations.filter((ev) => tasks.some((t) => contains(t, ev.ts)));
  // Every task that ran our code (evaluation, main(), idle slices, timers, observers) until the view is rendered.
  const rendered = mark('threadlight:rendered');
  const until = (rendered ?? ready).ts + 50_000;
  const ownCalls = events.filter((e) => ours(e) && (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && e.ts >= start.ts - 100_000 && e.ts <= until);
  const ownTaskList = onMain.filter((e) => e.name === 'RunTask' && e.ts <= until && e.ts + (e.dur ?? 0) >= start.ts - 100_000 && ownCalls.some((call) => contains(e, call.ts)));
  // Calls nested in another of ours (main() inside the evaluation) are counted once, with their outer call.
  const within = (inner: TraceEvent, outer: TraceEvent) =>
    inner !== outer && outer.ts <= inner.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
  const outerCalls = ownCalls.filter((call) => !ownCalls.some((other) => within(call, other)));
  const ownScriptIn = (task: TraceEvent) =>
    outerCalls.filter((call) => contains(task, call.ts)).reduce((sum, call) => sum + ms(call.dur), 0);
  const byOwnScript = ownTaskList.map((task) => ({ task, own: ownScriptIn(task) }));
  const longest = byOwnScript.reduce<{ task: TraceEvent; own: number } | null>((best, e) => (best === null || e.own > best.own ? e : best), null);
  const longestWhole = byOwnScript.reduce<{ task: TraceEvent; own: number } | null>(
    (best, e) => (best === null || (e.task.dur ?? 0) > (best.task.dur ?? 0) ? e : best),
    null,
  );
  /** Our longest call in a task, named by its function and place (readable with the unminified build). */
  const longestCallIn = (task: TraceEvent) =>
    outerCalls.filter((call) => contains(task, call.ts)).reduce<TraceEvent | null>((best, call) => (best === null || (call.dur ?? 0) > (best.dur ?? 0) ? call : best), null);
  const callName = (call: TraceEvent | null) => {
    const data = call?.args?.data;
    if (!data) return '(render slice, observer, timer)';
    return `${data.functionName || '(anonymous)'} ${(data.url ?? '').replace(/^.*\//, '')}:${(data.lineNumber ?? 0) + 1}`;
  };
  /** What the browser did inside one of our calls: compile, GC, style and layout it forced (wall ms). */
  const insideOf = (call: TraceEvent) => {
    const nested = onMain.filter((e) => within(e, call));
    const sumOf = (test: (e: TraceEvent) => boolean) => nested.filter(test).reduce((sum, e) => sum + ms(e.dur), 0);
    const parts: [string, number][] = [
      ['compile', sumOf((e) => e.name === 'v8.compile')],
      ['gc', sumOf((e) => GC_EVENTS.has(e.name))],
      ['style', sumOf((e) => e.name === 'UpdateLayoutTree')],
      ['layout', sumOf((e) => e.name === 'Layout')],
    ];
    return parts.filter(([, value]) => value >= 0.5).map(([name, value]) => `${name} ${value.toFixed(1)}`).join(', ');
  };
  const samples = ownSamples(events, start.pid, start.tid).filter((sample) => sample.ours && sample.ts >= start.ts - 100_000 && sample.ts <= until);
  const allTasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  /** The task running at `ts` (tasks on one thread do not overlap): the last one started by then. */
  const taskAt = (ts: number) => {
    let low = 0;
    let high = allTasks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (allTasks[mid]!.ts <= ts) low = mid;
      else high = mid - 1;
    }
    const task = allTasks[low];
    return task && contains(task, ts) ? task : undefined;
  };
  const ownByTask = new Map<TraceEvent, number>();
  for (const sample of samples) {
    const task = taskAt(sample.ts);
    if (task) ownByTask.set(task, (ownByTask.get(task) ?? 0) + sample.dur);
  }
  const sampledLongest = [...ownByTask].reduce<[TraceEvent, number] | null>((best, entry) => (best === null || entry[1] > best[1] ? entry : best), null);
  const marksIn = (task: TraceEvent) =>
    events
      .filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('threadlight:') && contains(task, e.ts))
      .map((e) => e.name.slice('threadlight:'.length));
  return {
    evaluateCpuMs: evaluations.reduce((sum, ev) => sum + evaluationCpu(ev), 0),
    compileMs: events.filter((e) => ours(e) && e.name === 'v8.compile').reduce((sum, e) => sum + ms(e.dur), 0),
    windowMs: ms(ready.ts - start.ts),
    tasks: tasks.length,
    taskWallMs: tasks.reduce((sum, e) => sum + ms(e.dur), 0),
    taskCpuMs: cpu(tasks) - evaluationInTasks.reduce((sum, ev) => sum + evaluationCpu(ev), 0),
    longestTaskMs: Math.max(0, ...tasks.map((e) => ms(e.dur))),
    gcMs: total((e) => GC_EVENTS.has(e.name)),
    styleMs: total((e) => e.name === 'UpdateLayoutTree'),
    layoutMs: total((e) => e.name === 'Layout'),
    afterCpuMs: cpu(events.filter((e) => ours(e) && e.name === 'FunctionCall' && e.ts > ready.ts)),
    evaluatedScripts: [...new Set(evaluations.map((ev) => (ev.args?.data?.url ?? '').replace(/^.*\//, '')))].sort(),
    renderedWindowMs: rendered ? ms(rendered.ts - start.ts) : null,
    ownTasks: ownTaskList.length,
    ownTaskCpuMs: cpu(ownTaskList),
    longestOwnTaskMs: longest ? longest.own : 0,
    longestOwnTaskHolds: longest ? marksIn(longest.task).join(', ') || `callback ${callName(longestCallIn(longest.task))}` : '',
    longestTaskWithOursMs: longestWhole ? ms(longestWhole.task.dur) : 0,
    longestTaskWithOursShare: longestWhole && longestWhole.task.dur ? longestWhole.own / ms(longestWhole.task.dur) : 0,
    ownScriptCpuMs: cpu(outerCalls),
    sampledOwnMs: samples.length ? ms(samples.reduce((sum, e) => sum + e.dur, 0)) : null,
    sampledOwnToReadyMs: samples.length ? ms(samples.filter((e) => e.ts <= ready.ts).reduce((sum, e) => sum + e.dur, 0)) : null,
    sampledLongestOwnTaskMs: sampledLongest ? ms(sampledLongest[1]) : null,
    sampledLongestOwnTaskAtMs: sampledLongest ? ms(sampledLongest[0].ts - start.ts) : null,
    sampledLongestOwnTaskTop: sampledLongest ? topFrames(samples.filter((sample) => contains(sampledLongest[0], sample.ts))) : '',
    ownScriptCpuToReadyMs: cpu(outerCalls.filter((call) => call.ts <= ready.ts)),
    longestCalls: [...outerCalls]
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 5)
      .map((call) => ({ ms: ms(call.dur), cpuMs: ms(call.tdur), name: callName(call), afterStartMs: ms(call.ts - start.ts), inside: insideOf(call) })),
  };
}
