import type { CommentSection } from '@/utils/detect/types';
import { profileOf } from '@/utils/dialects/index';
import type { Steps } from '@/utils/common/steps';
import { buildThread, buildThreadSteps } from '@/utils/parse/build-thread';
import type { ParsedSection } from '@/utils/parse/types';

/**
 * Parses a detected comment section into a Thread, with the page's parts of each comment, read by the section
 * dialect's profile (utils/dialects/). Right after detection it reuses detection's walk of the page.
 */
export function parseSection(section: CommentSection): ParsedSection {
  return buildThread(section, profileOf(section.dialect));
}

/** parseSection as steps that pause every few comments: the content script's first pass runs them in slices. */
export function parseSectionSteps(section: CommentSection): Steps<ParsedSection> {
  return buildThreadSteps(section, profileOf(section.dialect));
}
