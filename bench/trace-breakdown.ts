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
  args?: { data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } };
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
}

const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline'];
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

/** The first pass's cost, or null when the trace holds no start/ready marks. */
export function breakdown(events: TraceEvent[]): TraceBreakdown | null {
  const mark = (name: string) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const start = mark('threadlight:start');
  const ready = mark('threadlight:ready') ?? mark('threadlight:bail');
  if (!start || !ready) return null;
  // The loader (loader.js, every page) and the full content script (content-scripts/content.js, injected).
  const ours = (e: TraceEvent) => e.ph === 'X' && e.pid === start.pid && /^chrome-extension:\/\/[^/]+\/(content-scripts\/|loader\.js)/.test(e.args?.data?.url ?? '');
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
  };
}
