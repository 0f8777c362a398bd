/** The toolbar popup: the active tab's thread in figures, its participants, and the options. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage, type PageState } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { forgetAllVisits } from '@/utils/storage/visits';
import {
  isActiveOn,
  normalizeOptions,
  optionsItem,
  updateOptions,
  withSiteEnabled,
  type ThreadlightOptions,
} from '@/utils/storage/options';
import { Diagnostics } from './Diagnostics';
import { OptionsPanel, SiteSwitches } from './OptionsPanel';
import { ParticipantList, type PageFocus } from './ParticipantList';
import {
  ErrorNotice,
  LoadingNotice,
  NoThreadNotice,
  OffNotice,
  UnreachableNotice,
  UnreadableNotice,
} from './StatusNotice';
import { MergeSummary } from './MergeSummary';
import { ThreadSummary } from './ThreadSummary';
import { Timeline } from './Timeline';
import { VisitSummary } from './VisitSummary';
import { findTargetTabId } from './target-tab';
import { usePageState } from './use-page-state';

/** After an option change, ask the page again at these delays: its content script applies the change on its own. */
const SETTLE_DELAYS_MS = [250, 800, 1600];

/**
 * `tabId`: the tab to talk to; omitted = found from `?tabId=` or the active tab; null = none.
 */
export function PopupApp(props: { tabId?: number | null }) {
  const [tabId, setTabId] = useState<number | null | undefined>(props.tabId);
  useEffect(() => {
    if (props.tabId === undefined) void findTargetTabId().then(setTabId);
  }, [props.tabId]);

  const { connection, refresh, reloadPage } = usePageState(tabId);
  const options = useOptions();

  const settleTimers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => settleTimers.current.forEach(clearTimeout), []);
  const refreshAfterChange = useCallback(() => {
    settleTimers.current.forEach(clearTimeout);
    settleTimers.current = SETTLE_DELAYS_MS.map((delay) => setTimeout(refresh, delay));
  }, [refresh]);

  const change = useCallback(
    (patch: Partial<ThreadlightOptions> | ((current: ThreadlightOptions) => Partial<ThreadlightOptions>)) => {
      options.setLocal((current) =>
        current && normalizeOptions({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }),
      );
      void updateOptions(patch).then(refreshAfterChange);
    },
    [options.setLocal, refreshAfterChange],
  );

  const page = useMemo<PageFocus>(
    () => ({
      focusParticipant: (key, index, newOnly) =>
        sendMessage('focusParticipant', newOnly ? { key, index, newOnly } : { key, index }, tabId ?? undefined),
      clearParticipantFocus: () => sendMessage('clearParticipantFocus', undefined, tabId ?? undefined),
    }),
    [tabId],
  );

  const visitActions = useMemo<VisitActions>(
    () => ({
      scrollToComment: async (id) => (await sendMessage('scrollToComment', { id }, tabId ?? undefined)) === true,
      markAllRead: async () => {
        const result = await sendMessage('markAllRead', undefined, tabId ?? undefined);
        refresh();
        return result;
      },
      showAllPages: () => {
        void sendMessage('loadAllPages', undefined, tabId ?? undefined)
          .catch(() => false)
          .then(() => refresh());
      },
    }),
    [tabId, refresh],
  );

  const state = connection.kind === 'ready' ? connection.state : null;
  const hostname = state?.hostname;
  const setSite = (on: boolean) => {
    if (hostname) change((current) => ({ disabledSites: withSiteEnabled(current, hostname, on) }));
  };

  return (
    <div class="popup">
      <header>
        <h1>{t('extName')}</h1>
        {hostname && <span class="host">{hostname}</span>}
      </header>
      {options.value && state && (
        <SiteSwitches options={options.value} hostname={hostname} onChange={change} onSiteChange={setSite} />
      )}
      <main>
        {connection.kind === 'connecting' && <LoadingNotice />}
        {connection.kind === 'unreachable' && (
          <UnreachableNotice canReload={typeof tabId === 'number'} onReload={reloadPage} onRetry={refresh} />
        )}
        {state && options.value && (
          <PageContent
            state={state}
            options={options.value}
            page={page}
            visitActions={visitActions}
            onTurnOn={change}
            onSiteOn={() => setSite(true)}
          />
        )}
      </main>
      {state && <Diagnostics errors={state.errors} open={state.status === 'error'} />}
      {options.value && <OptionsPanel options={options.value} onChange={change} onForgetVisits={() => forgetAllVisits()} />}
    </div>
  );
}

/** What the popup asks the page about the reader's visits (the content script's handlers). */
interface VisitActions {
  scrollToComment(id: string): Promise<boolean>;
  markAllRead(): Promise<{ newCount: number }>;
  /** Put the thread's comment pages together in the page (PageState.merge). */
  showAllPages(): void;
}

function PageContent(props: {
  state: PageState;
  options: ThreadlightOptions;
  page: PageFocus;
  visitActions: VisitActions;
  onTurnOn(change: Partial<ThreadlightOptions>): void;
  onSiteOn(): void;
}) {
  const { state, options } = props;
  if (state.status === 'loading') return <LoadingNotice />;
  if (state.status === 'error') return <ErrorNotice />;
  if (state.status === 'unreadable') return <UnreadableNotice system={state.system} />;

  const offEverywhere = !options.enabled;
  const offHere = !offEverywhere && state.hostname !== undefined && !isActiveOn(options, state.hostname);
  if (offEverywhere || offHere) {
    // The content script may not even have looked for comments: say it is off, not that there are none.
    return (
      <>
        <OffNotice
          scope={offEverywhere ? 'global' : 'site'}
          onTurnOn={offEverywhere ? () => props.onTurnOn({ enabled: true }) : props.onSiteOn}
        />
        {state.status !== 'none' && <ThreadSummary state={state} />}
      </>
    );
  }
  if (state.status === 'none') return <NoThreadNotice />;
  const stats = state.stats;
  return (
    <>
      {state.status === 'enhanced' && <VisitSummary visit={state.visit} onMarkAllRead={props.visitActions.markAllRead} />}
      <ThreadSummary state={state} />
      {state.status === 'enhanced' && <MergeSummary merge={state.merge} onShowAll={props.visitActions.showAllPages} />}
      {state.status === 'enhanced' && state.timeline !== undefined && stats && (
        <Timeline
          timeline={state.timeline}
          comments={Math.max(stats.comments - stats.pingbacks - stats.trackbacks, 0)}
          onScrollTo={props.visitActions.scrollToComment}
        />
      )}
      {/* 'found-disabled' while the options say on: the page is applying the change; focusing would do nothing yet. */}
      {state.status === 'enhanced' && (state.participants?.length ?? 0) > 0 && (
        <ParticipantList participants={state.participants!} page={props.page} />
      )}
    </>
  );
}

/** The options item, read once and watched; `setLocal` shows a change before storage confirms it. */
function useOptions() {
  const [value, setLocal] = useState<ThreadlightOptions | null>(null);
  useEffect(() => {
    let live = true;
    void optionsItem.getValue().then((stored) => live && setLocal(stored));
    const unwatch = optionsItem.watch((next) => setLocal(next));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return { value, setLocal };
}
