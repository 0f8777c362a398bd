/**
 * axe-core (pinned in package.json) run inside a tested page, and what Threadlight adds to its findings: the same
 * page is checked with the extension off for the site and on, and a violation counts as added when the page with
 * the view has it more often than without (rule + the node's HTML, our own data-threadlight attributes taken out).
 */
import { createRequire } from 'node:module';
import type { E2EPage } from './browsers.ts';

const require = createRequire(import.meta.url);
const axe = require('axe-core') as { source: string; version: string };
export const AXE_VERSION = axe.version;

/**
 * WCAG 2.0 and 2.1 A and AA (label in name, contrast…), best practices (landmarks) and the experimental rules.
 * WCAG 2.2's target-size is off in axe by default and is checked apart, on our own controls only (see
 * ourSmallTargets): a link inline in a comment's name line falls under 2.5.8's inline exception, which axe does
 * not model.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'];

/** Our controls (the toolbar's, the fold toggles, the pingback group, the help dialog's) smaller than 24 × 24 px. */
export const ourSmallTargets = (): string[] => {
  const roots: (Document | ShadowRoot)[] = [document];
  for (const host of Array.from(document.querySelectorAll('[data-threadlight-overlay]'))) if (host.shadowRoot) roots.push(host.shadowRoot);
  const small: string[] = [];
  for (const root of roots) {
    const controls = root === document ? root.querySelectorAll('[data-threadlight-ui] button') : root.querySelectorAll('button');
    for (const control of Array.from(controls)) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (a folded bar, a hidden toolbar)
      if (box.width < 24 || box.height < 24) small.push(`${control.outerHTML.slice(0, 120)} (${box.width.toFixed(1)} × ${box.height.toFixed(1)})`);
    }
  }
  return small;
};

export interface AxeFinding {
  rule: string;
  /**
   * For the landmark rule "region": the node lies inside one the baseline run (same document, view off) reported.
   * axe reports the highest regionless nodes, and descends past any button or hidden element: our toggles make it
   * report the page's own comment list piece by piece where it reported the list once. Same content, same fault.
   */
  coveredByBaseline: boolean;
  /** The node's HTML as axe shows it. */
  html: string;
  target: string;
  summary: string;
}

/**
 * Run axe on the whole document (shadow roots included); returns every violation node. `baseline`: remember this
 * run's "region" nodes in the page, for a later run on the same document (coveredByBaseline).
 */
export async function runAxe(page: E2EPage, baseline = false): Promise<AxeFinding[]> {
  await page.run((source: string) => {
    if (!(window as unknown as { axe?: unknown }).axe) (0, eval)(source);
  }, axe.source);
  return page.run(async ({ tags, remember }: { tags: string[]; remember: boolean }) => {
    type Node = { html: string; target: unknown[]; failureSummary?: string; element?: Element };
    const store = window as unknown as { __tlRegionBaseline?: Element[] };
    type Result = { violations: { id: string; nodes: Node[] }[] };
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], elementRef: true });
    /** The page's own node as it is without Threadlight: our inserted elements and attributes taken out. */
    const pageHtml = (node: Node): string => {
      const element = node.element;
      if (!element || !element.isConnected || !(element.getRootNode() instanceof Document)) return node.html;
      const copy = element.cloneNode(true) as Element;
      for (const ours of Array.from(copy.querySelectorAll('[data-threadlight-ui]'))) ours.remove();
      for (const each of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
        for (const name of each.getAttributeNames()) if (name.startsWith('data-threadlight')) each.removeAttribute(name);
      }
      return copy.outerHTML.slice(0, 400);
    };
    const regionNodes = result.violations.filter((v) => v.id === 'region').flatMap((v) => v.nodes.flatMap((n) => (n.element ? [n.element] : [])));
    if (remember) store.__tlRegionBaseline = regionNodes;
    const covered = (rule: string, element: Element | undefined) =>
      rule === 'region' && !!element && (store.__tlRegionBaseline ?? []).some((outer) => outer.isConnected && outer.contains(element));
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => ({
        rule: violation.id,
        coveredByBaseline: !remember && covered(violation.id, node.element),
        html: pageHtml(node),
        target: JSON.stringify(node.target),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      })),
    );
  }, { tags: AXE_TAGS, remember: baseline });
}

/** The HTML of a node without our attributes and with whitespace folded: the same node with or without the view. */
function key(finding: AxeFinding): string {
  const html = finding.html.replace(/\sdata-threadlight[a-z-]*(?:="[^"]*")?/g, '').replace(/\s+/g, ' ').trim();
  return `${finding.rule} ${html}`;
}

/** Findings of `withView` beyond those of `baseline` (as many times as they exceed it). */
export function addedFindings(withView: AxeFinding[], baseline: AxeFinding[]): AxeFinding[] {
  const budget = new Map<string, number>();
  for (const finding of baseline) budget.set(key(finding), (budget.get(key(finding)) ?? 0) + 1);
  return withView.filter((finding) => {
    if (finding.coveredByBaseline) return false;
    const left = budget.get(key(finding)) ?? 0;
    if (left > 0) {
      budget.set(key(finding), left - 1);
      return false;
    }
    return true;
  });
}

/** One line per finding, for an assertion message. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.rule} at ${f.target}: ${f.html.slice(0, 160)} — ${f.summary}`).join('\n');
}
