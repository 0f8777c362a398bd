/** The thread in figures: comments, people, the author's part, dates, pagination, largest threads, pings. */
import type { PageState } from '@/utils/messaging/protocol';
import { engineName } from '@/utils/dialects/index';
import { headlineFigures } from '@/utils/thread/stats';
import type { ThreadStats } from '@/utils/thread/types';
import { formatNumber, t, tn } from '@/utils/i18n';
import { formatDate, formatPercent } from '@/utils/i18n/format';

/** How many of the largest threads to list. */
const LARGEST_THREADS_SHOWN = 3;

export function ThreadSummary({ state }: { state: PageState }) {
  const stats = state.stats;
  if (!stats) return null;
  // The same figures as the page's toolbar (utils/thread/stats.ts).
  const figures = headlineFigures(stats);
  const largest = stats.largestThreads.filter((thread) => thread.size > 1).slice(0, LARGEST_THREADS_SHOWN);
  return (
    <section class="summary" aria-label={t('popup_summaryTitle')}>
      <p class="headline">
        <strong>{tn('popup_comments', figures.comments)}</strong>
        <span class="sep" aria-hidden="true">
          {' · '}
        </span>
        <span>{tn('popup_participants', figures.people)}</span>
      </p>
      {state.dialect && <p class="muted engine">{t('popup_engine', engineName(state.dialect))}</p>}
      <PaginationNote pagination={state.pagination} />
      <AuthorLine state={state} stats={stats} />
      <DateLine first={stats.firstDate} last={stats.lastDate} />
      {largest.length > 0 && (
        <div class="largest">
          <h2>{t('popup_largestThreads')}</h2>
          <ol>
            {largest.map((thread) => (
              <li key={thread.id}>
                <span class="name">{thread.author || t('popup_anonymous')}</span>
                <span class="count">{tn('popup_comments', thread.size)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <PingGroup state={state} stats={stats} />
    </section>
  );
}

function PaginationNote({ pagination }: { pagination: PageState['pagination'] }) {
  if (!pagination) return null;
  const { current, total } = pagination;
  const note =
    current && total
      ? t('popup_pagination', formatNumber(current), formatNumber(total))
      : current
        ? t('popup_paginationNoTotal', formatNumber(current))
        : t('popup_paginationUnknown');
  return <p class="note">{note}</p>;
}

function AuthorLine({ state, stats }: { state: PageState; stats: ThreadStats }) {
  if (!state.postAuthor) return <p class="muted">{t('popup_authorUnknown')}</p>;
  const share = stats.topLevelThreads > 0 ? stats.topLevelThreadsWithAuthorReply / stats.topLevelThreads : 0;
  return (
    <div class="author">
      <p>
        {t('popup_postAuthor', state.postAuthor.name)}
        <span class="sep" aria-hidden="true">
          {' · '}
        </span>
        {tn('popup_authorReplies', stats.postAuthorReplies)}
      </p>
      {stats.topLevelThreads > 0 && (
        <p>
          {tn(
            'popup_authorThreads',
            stats.topLevelThreadsWithAuthorReply,
            formatNumber(stats.topLevelThreads),
            formatPercent(share),
          )}
        </p>
      )}
    </div>
  );
}

function DateLine({ first, last }: { first: string | null; last: string | null }) {
  const from = formatDate(first);
  const to = formatDate(last);
  if (!from && !to) return null;
  const line = from && to && from !== to ? t('popup_dates', from, to) : t('popup_dateSingle', (from ?? to)!);
  return <p class="dates">{line}</p>;
}

function PingGroup({ state, stats }: { state: PageState; stats: ThreadStats }) {
  const total = stats.pingbacks + stats.trackbacks;
  if (total === 0) return null;
  const label =
    stats.trackbacks === 0
      ? tn('popup_pingbacks', stats.pingbacks)
      : stats.pingbacks === 0
        ? tn('popup_trackbacks', stats.trackbacks)
        : tn('popup_pings', total);
  const pings = state.pings ?? [];
  if (pings.length === 0) return <p class="muted">{label}</p>;
  return (
    <details class="pings">
      <summary>{label}</summary>
      <ul>
        {pings.map((ping) => (
          <li key={ping.id}>
            {safeLink(ping.url) ? (
              <a href={safeLink(ping.url)!} target="_blank" rel="noopener noreferrer">
                {ping.title || ping.url}
              </a>
            ) : (
              ping.title || t('popup_anonymous')
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Only web links leave the popup: a page could hand us `javascript:` or `data:` URLs. */
function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
