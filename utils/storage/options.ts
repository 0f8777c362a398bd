/**
 * The reader's options: one storage item, versioned, watched live by every open tab.
 * Add a field: give it a fallback here; change a field's meaning: bump `version` and add a migration.
 */
import { storage } from '#imports';

export type PingbackDisplay = 'shown' | 'collapsed' | 'hidden';
export type ReplyInference = 'links' | 'renest' | 'off';

export interface ThreadlightOptions {
  /** Global switch. */
  enabled: boolean;
  /** Hostnames where the reader turned Threadlight off. */
  disabledSites: string[];
  /** Collapse every comment at this depth or deeper (its replies hidden); 0 = off. */
  autoCollapseDepth: number;
  /** Threads with more comments than this start with replies collapsed; 0 = off. */
  bigThreadThreshold: number;
  highlightAuthor: boolean;
  /** Accent colour of the post author's replies (CSS colour); '' = the theme's link colour. */
  authorColor: string;
  pingbacks: PingbackDisplay;
  inferReplies: ReplyInference;
  keyboardShortcuts: boolean;
}

export const DEFAULT_OPTIONS: ThreadlightOptions = {
  enabled: true,
  disabledSites: [],
  autoCollapseDepth: 0,
  bigThreadThreshold: 200,
  highlightAuthor: true,
  authorColor: '',
  pingbacks: 'collapsed',
  inferReplies: 'links',
  keyboardShortcuts: true,
};

export const optionsItem = storage.defineItem<ThreadlightOptions>('local:options', {
  fallback: DEFAULT_OPTIONS,
  version: 1,
});

/** Threadlight is active on this hostname under these options. */
export function isActiveOn(options: ThreadlightOptions, hostname: string): boolean {
  return options.enabled && !options.disabledSites.includes(hostname);
}
