import type { CommentSection } from '@/utils/detect/types';
import { profileOf } from '@/utils/dialects/index';
import { buildThread } from '@/utils/parse/build-thread';
import type { ParsedSection } from '@/utils/parse/types';

/**
 * Parses a detected comment section into a Thread, with the page's parts of each comment, read by the section
 * dialect's profile (utils/dialects/). Right after detection it reuses detection's walk of the page.
 */
export function parseSection(section: CommentSection): ParsedSection {
  return buildThread(section, profileOf(section.dialect));
}
