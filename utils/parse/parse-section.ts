import type { CommentSection } from '@/utils/detect/types';
import { wordpressAdapter } from '@/utils/parse/adapters/wordpress';
import { wpdiscuzAdapter } from '@/utils/parse/adapters/wpdiscuz';
import { buildThread, type DialectAdapter } from '@/utils/parse/build-thread';
import type { ParsedSection } from '@/utils/parse/types';
import type { MarkupDialect } from '@/utils/thread/types';

const ADAPTERS: Record<MarkupDialect, DialectAdapter> = {
  wordpress: wordpressAdapter,
  wpdiscuz: wpdiscuzAdapter,
};

/** Parses a detected comment section into a Thread, with the page's element and body for each comment. */
export function parseSection(section: CommentSection): ParsedSection {
  return buildThread(section, ADAPTERS[section.dialect]);
}
