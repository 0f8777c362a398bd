/** Numbers, shares and dates for the interface, formatted with Intl in the UI language. */
import { uiLanguage } from '@/utils/i18n';

/** A share in the UI language ("35%" / "35 %"), from a ratio 0..1. */
export function formatPercent(ratio: number): string {
  const safe = Number.isFinite(ratio) ? Math.min(Math.max(ratio, 0), 1) : 0;
  try {
    return new Intl.NumberFormat(uiLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(safe);
  } catch {
    return `${Math.round(safe * 100)}%`;
  }
}

/** A calendar date from an ISO 8601 string ("Mar 3, 2021" / "3 mars 2021"); null when absent or unparsable. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * The toolbar badge text for a comment count: at most 4 characters, locale-neutral like the browser's own
 * badges (1234 → "1.2k", 56789 → "56k", 1234567 → "1.2M"). Rounded down: the badge never overstates.
 */
export function formatBadgeCount(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count) || count <= 0) return '';
  const n = Math.floor(count);
  if (n < 1_000) return String(n);
  if (n < 10_000) return `${trimZero(Math.floor(n / 100) / 10)}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1_000)}k`;
  if (n < 10_000_000) return `${trimZero(Math.floor(n / 100_000) / 10)}M`;
  return `${Math.min(Math.floor(n / 1_000_000), 999)}M`;
}

function trimZero(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
