import type { Ref } from 'preact';
import { ATTR_ACTION, ATTR_STATUS } from '@/utils/view/dom-contract';

export interface FindFieldProps {
  open: boolean;
  query: string;
  /** "3 / 12", "No match"; empty before anything is typed. */
  count: string;
  /** At least one match: the step buttons work. */
  found: boolean;
  onlyMatches: boolean;
  labels: { open: string; field: string; next: string; previous: string; onlyMatches: string; close: string };
  inputRef: Ref<HTMLInputElement>;
  onOpen(): void;
  onInput(query: string): void;
  onStep(direction: 1 | -1): void;
  onToggleOnly(): void;
  onClose(): void;
}

/**
 * Find in thread, in the toolbar (utils/view/find): a button, or, open, a search field with its count, the previous
 * and next buttons, "only matching comments" and close. Enter / Shift+Enter step, Escape closes (and restores the
 * view); the count is announced by the toolbar's live region.
 */
export function FindField(props: FindFieldProps) {
  const { labels } = props;
  if (!props.open) {
    return (
      <button type="button" class="icon-only" {...{ [ATTR_ACTION]: 'find' }} aria-label={labels.open} title={labels.open} onClick={props.onOpen}>
        <span aria-hidden="true" class="icon">
          ⌕
        </span>
      </button>
    );
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
    }
  };
  return (
    <span class="find" role="search">
      <style>{FIND_FIELD_CSS}</style>
      <input
        ref={props.inputRef}
        type="search"
        {...{ [ATTR_ACTION]: 'find-field' }}
        aria-label={labels.field}
        placeholder={labels.field}
        value={props.query}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {props.count && (
        <span class="status find-count" {...{ [ATTR_STATUS]: 'find-count' }}>
          {props.count}
        </span>
      )}
      <button type="button" class="icon-only" {...{ [ATTR_ACTION]: 'find-previous' }} aria-label={labels.previous} title={labels.previous} disabled={!props.found} onClick={() => props.onStep(-1)}>
        <span aria-hidden="true" class="icon">
          ↑
        </span>
      </button>
      <button type="button" class="icon-only" {...{ [ATTR_ACTION]: 'find-next' }} aria-label={labels.next} title={labels.next} disabled={!props.found} onClick={() => props.onStep(1)}>
        <span aria-hidden="true" class="icon">
          ↓
        </span>
      </button>
      <button type="button" {...{ [ATTR_ACTION]: 'find-only-matches' }} aria-pressed={props.onlyMatches} title={labels.onlyMatches} onClick={props.onToggleOnly}>
        {labels.onlyMatches}
      </button>
      <button type="button" class="icon-only" {...{ [ATTR_ACTION]: 'find-close' }} aria-label={labels.close} title={labels.close} onClick={props.onClose}>
        <span aria-hidden="true" class="icon">
          ×
        </span>
      </button>
    </span>
  );
}

/** The field's own styles (inside the toolbar's shadow root, with the toolbar's palette). */
export const FIND_FIELD_CSS = `
.find { display: inline-flex; align-items: center; gap: 2px; }
.find input {
  box-sizing: border-box; width: 11em; min-height: 28px; padding: 2px 10px; margin: 0 2px;
  font: inherit; color: inherit; background: transparent;
  border: 1px solid var(--tl-line, currentColor); border-radius: 999px;
}
.find input::-webkit-search-cancel-button { display: none; }
.find input:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
.find input::placeholder { color: var(--tl-muted, currentColor); opacity: 1; }
.find-count { min-width: 3.5em; text-align: center; font-variant-numeric: tabular-nums; }
@media (max-width: 600px) { .find input { width: 9em; } .find button[aria-pressed] { font-size: 13px; } }
`;
