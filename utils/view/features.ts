/**
 * Every feature of the view, in the order they are set up (and cleaned up in reverse). A new feature is one
 * folder under utils/view/ exporting a defineViewFeature(...) and one line here (docs/architecture.md).
 */
import { authorHighlightFeature } from '@/utils/view/author-highlight';
import type { ViewFeature } from '@/utils/view/core/types';
import { findFeature } from '@/utils/view/find';
import { inferredLinksFeature } from '@/utils/view/inferred-links';
import { keyboardFeature } from '@/utils/view/keyboard';
import { newSinceVisitFeature } from '@/utils/view/new-since-visit';
import { mergePagesFeature } from '@/utils/view/merge-pages';
import { pingbacksFeature } from '@/utils/view/pingbacks';
import { previewFeature } from '@/utils/view/preview';
import { toolbarFeature } from '@/utils/view/toolbar';

export const VIEW_FEATURES: readonly ViewFeature[] = [
  // First: in 'renest' mode it gives the thread the shape the others then read.
  inferredLinksFeature,
  pingbacksFeature,
  authorHighlightFeature,
  // Before the features that add keys: the core's movement keys come first in the help dialog.
  keyboardFeature,
  newSinceVisitFeature,
  previewFeature,
  mergePagesFeature,
  findFeature,
  toolbarFeature,
];
