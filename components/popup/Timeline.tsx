/**
 * The discussion over time: one bar per period (utils/visits/timeline.ts), the part new since the last visit on
 * top in the accent colour, the post author's replies as ticks under the axis, the last visit as a dashed line.
 * Pointing at a bar, or focusing it, says its period and counts; clicking it (Enter, Space) scrolls the page to the
 * period's first comment. The bars are one tab stop; arrow keys, Home and End move between them. Plain SVG.
 */
import { useRef, useState } from 'preact/hooks';
import { t, tn } from '@/utils/i18n';
import { formatPeriod, formatPeriodShort } from '@/utils/visits/format';
import type { TimelineBin, TimelineData, TimelineUnit } from '@/utils/visits/timeline';

const WIDTH = 296;
const BARS_HEIGHT = 56;
const TICKS_HEIGHT = 9;
const HEIGHT = BARS_HEIGHT + TICKS_HEIGHT;
/** A period with comments never draws shorter than this: one comment must be visible next to two hundred. */
const MIN_BAR = 2;

const TITLE_BY_UNIT: Record<TimelineUnit, string> = {
  hour: 'popup_timelinePer_hour',
  day: 'popup_timelinePer_day',
  week: 'popup_timelinePer_week',
  month: 'popup_timelinePer_month',
  year: 'popup_timelinePer_year',
};

/** "Tue, Dec 3, 2024: 12 comments, 2 by the author, 3 new". */
export function describeBin(bin: TimelineBin, unit: TimelineUnit): string {
  const parts = [tn('popup_comments', bin.count)];
  if (bin.authorCount > 0) parts.push(tn('popup_timelineAuthor', bin.authorCount));
  if (bin.newCount > 0) parts.push(tn('popup_timelineNew', bin.newCount));
  return t('popup_timelineBar', formatPeriod(bin.start, unit), parts.join(', '));
}

export interface TimelineProps {
  timeline: TimelineData | null;
  /** Comments on the page (pingbacks apart): to tell "no dates at all" from "no comments". */
  comments: number;
  /** Scroll the page to a comment; false (or a rejection) when the page could not. */
  onScrollTo(id: string): Promise<boolean>;
}

export function Timeline({ timeline, comments, onScrollTo }: TimelineProps) {
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [scrollFailed, setScrollFailed] = useState(false);
  const bars = useRef<(SVGGElement | null)[]>([]);

  if (!timeline) {
    if (comments === 0) return null;
    return (
      <section class="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('popup_timelineTitle')}</h2>
        <p class="muted">{t('popup_timelineNoDates')}</p>
      </section>
    );
  }

  const { bins, unit } = timeline;
  const filled = bins.flatMap((bin, index) => (bin.count > 0 ? [index] : []));
  const tabStop = active !== null && bins[active]?.count ? active : (filled[0] ?? 0);
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const slot = WIDTH / bins.length;
  const gap = slot > 6 ? 1.5 : slot > 3 ? 1 : 0;
  const shown = hovered ?? focused;
  const title = t(TITLE_BY_UNIT[unit]);
  const first = bins[0]!;
  const last = bins[bins.length - 1]!;
  const range = bins.length > 1 ? `${formatPeriod(first.start, unit)} – ${formatPeriod(last.start, unit)}` : formatPeriod(first.start, unit);

  async function open(index: number) {
    const id = bins[index]?.firstId;
    if (!id) return;
    setActive(index);
    let done = false;
    try {
      done = await onScrollTo(id);
    } catch {
      done = false;
    }
    setScrollFailed(!done);
  }

  function move(from: number, key: string): number | null {
    const at = filled.indexOf(from);
    if (key === 'ArrowRight' || key === 'ArrowDown') return filled[Math.min(at + 1, filled.length - 1)] ?? null;
    if (key === 'ArrowLeft' || key === 'ArrowUp') return filled[Math.max(at - 1, 0)] ?? null;
    if (key === 'Home') return filled[0] ?? null;
    if (key === 'End') return filled[filled.length - 1] ?? null;
    return null;
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void open(index);
      return;
    }
    const next = move(index, event.key);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    bars.current[next]?.focus();
  }

  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('popup_timelineTitle')}</h2>
      <svg
        class="timeline-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={`${title}, ${range}`}
        aria-describedby="timeline-hint"
        onMouseLeave={() => setHovered(null)}
      >
        {bins.map((bin, index) => {
          const x = index * slot;
          const height = bin.count > 0 ? Math.max(MIN_BAR, (bin.count / highest) * BARS_HEIGHT) : 0;
          const newHeight = bin.count > 0 ? (bin.newCount / bin.count) * height : 0;
          const width = Math.max(0.5, slot - gap);
          const interactive = bin.count > 0;
          const classes = ['bin', index === shown ? 'shown' : '', index === focused ? 'focused' : ''].join(' ').trim();
          return (
            <g
              key={bin.start}
              class={classes}
              ref={(el) => {
                bars.current[index] = el;
              }}
              role={interactive ? 'button' : undefined}
              tabindex={interactive ? (index === tabStop ? 0 : -1) : undefined}
              aria-label={interactive ? describeBin(bin, unit) : undefined}
              aria-hidden={interactive ? undefined : 'true'}
              data-start={bin.start}
              onMouseEnter={() => setHovered(index)}
              onFocus={() => {
                setFocused(index);
                setActive(index);
              }}
              onBlur={() => setFocused(null)}
              onClick={interactive ? () => void open(index) : undefined}
              onKeyDown={interactive ? (event) => onKeyDown(event, index) : undefined}
            >
              <rect class="hit" x={x} y={0} width={slot} height={BARS_HEIGHT} />
              {height > 0 && <rect class="bar" x={x + gap / 2} y={BARS_HEIGHT - height} width={width} height={height - newHeight} />}
              {newHeight > 0 && <rect class="bar-new" x={x + gap / 2} y={BARS_HEIGHT - height} width={width} height={newHeight} />}
              {index === focused && <rect class="focus-ring" x={x + 0.5} y={0.5} width={Math.max(1, slot - 1)} height={BARS_HEIGHT - 1} />}
            </g>
          );
        })}
        <line class="axis" x1={0} x2={WIDTH} y1={BARS_HEIGHT + 0.5} y2={BARS_HEIGHT + 0.5} />
        {timeline.authorTicks.map((tick) => (
          <line
            key={tick.id}
            class="author-tick"
            x1={clampX(tick.position * WIDTH)}
            x2={clampX(tick.position * WIDTH)}
            y1={BARS_HEIGHT + 2}
            y2={HEIGHT}
            aria-hidden="true"
          />
        ))}
        {timeline.lastVisit !== null && (
          <line
            class="last-visit"
            x1={clampX(timeline.lastVisit * WIDTH)}
            x2={clampX(timeline.lastVisit * WIDTH)}
            y1={0}
            y2={HEIGHT}
            aria-hidden="true"
          />
        )}
      </svg>
      <div class="timeline-axis" aria-hidden="true">
        <span>{formatPeriodShort(first.start, unit)}</span>
        {bins.length > 1 && <span>{formatPeriodShort(last.start, unit)}</span>}
      </div>
      {/* What the pointer or the keyboard is on; screen readers hear each bar's own label instead. */}
      <p class="timeline-caption" aria-hidden="true">
        {shown !== null && bins[shown] ? describeBin(bins[shown]!, unit) : `${title} · ${range}`}
      </p>
      <Legend lastVisit={timeline.lastVisit !== null} authorTicks={timeline.authorTicks.length > 0} />
      {timeline.undated > 0 && <p class="hint">{tn('popup_timelineUndated', timeline.undated)}</p>}
      <p id="timeline-hint" class="visually-hidden">
        {t('popup_timelineHint')}
      </p>
      {scrollFailed && (
        <p class="muted" role="alert">
          {t('popup_timelineScrollFailed')}
        </p>
      )}
    </section>
  );
}

/** Keep 1px lines inside the drawing at both ends. */
function clampX(x: number): number {
  return Math.min(WIDTH - 1, Math.max(1, x));
}

function Legend(props: { lastVisit: boolean; authorTicks: boolean }) {
  if (!props.lastVisit && !props.authorTicks) return null;
  return (
    <p class="timeline-legend hint">
      {props.lastVisit && (
        <span>
          <svg class="legend-mark" viewBox="0 0 8 12" aria-hidden="true">
            <line class="last-visit" x1={4} x2={4} y1={0} y2={12} />
          </svg>
          {t('popup_timelineLastVisit')}
        </span>
      )}
      {props.authorTicks && (
        <span>
          <svg class="legend-mark" viewBox="0 0 8 12" aria-hidden="true">
            <line class="author-tick" x1={4} x2={4} y1={3} y2={12} />
          </svg>
          {t('popup_timelineAuthorTicks')}
        </span>
      )}
    </p>
  );
}
