/**
 * The registered dialect profiles, and the tables detection builds from all of them at once (it does not know the
 * dialect before it has found the items). Adding a dialect: write its profile, add it to PROFILES (docs/parser.md).
 */
import { drupalProfile } from '@/utils/dialects/drupal';
import type { DialectProfile, FieldRole, IdMark } from '@/utils/dialects/types';
import { wordpressProfile } from '@/utils/dialects/wordpress';
import { wpdiscuzProfile } from '@/utils/dialects/wpdiscuz';
import type { MarkupDialect } from '@/utils/thread/types';

/** Every profile; a section's dialect is the first one whose marks or roots it carries (WordPress, the generic one, last). */
export const PROFILES: readonly DialectProfile[] = [wpdiscuzProfile, drupalProfile, wordpressProfile];

const BY_DIALECT = new Map<MarkupDialect, DialectProfile>(PROFILES.map((profile) => [profile.dialect, profile]));

export function profileOf(dialect: MarkupDialect): DialectProfile {
  const profile = BY_DIALECT.get(dialect);
  if (!profile) throw new Error(`no profile for dialect ${dialect}`);
  return profile;
}

/** The engine's name for people (popup), by dialect. */
export function engineName(dialect: MarkupDialect): string {
  return BY_DIALECT.get(dialect)?.engine ?? dialect;
}

/** An id mark with the dialect that announces it. */
export interface CompiledIdMark extends IdMark {
  dialect: MarkupDialect;
}

/** What detection needs from every profile, merged once. */
export interface MarkTables {
  ids: readonly CompiledIdMark[];
  idPrefixes: readonly string[];
  depthCompanions: ReadonlySet<string>;
  classOnly: readonly { tags: readonly string[]; classes: readonly string[]; dialect: MarkupDialect }[];
  attributes: readonly { attribute: string; classes: readonly string[]; dialect: MarkupDialect }[];
  anchors: readonly { prefix: string; classes: readonly string[]; dialect: MarkupDialect }[];
  rootIds: ReadonlyMap<string, MarkupDialect>;
  rootClasses: ReadonlyMap<string, MarkupDialect>;
  listClasses: ReadonlySet<string>;
  listIds: ReadonlySet<string>;
  formIds: readonly string[];
  formClasses: readonly string[];
  formActions: readonly string[];
  secondaryFormClasses: readonly string[];
  replyLinkClasses: readonly string[];
  replyLinkAttributes: readonly string[];
  replyLinkHosts: readonly string[];
  replyLinkHrefs: readonly RegExp[];
  replyButtonClasses: readonly string[];
  afterReplyClasses: readonly string[];
  /** Substrings without which a class attribute cannot matter outside comments (most class strings are then not split). */
  classHints: readonly string[];
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

let tables: MarkTables | null = null;

/** The merged tables (built on first use: no work when the content script is evaluated on a page without comments). */
export function markTables(): MarkTables {
  if (tables) return tables;
  const rootIds = new Map<string, MarkupDialect>();
  const rootClasses = new Map<string, MarkupDialect>();
  // Later profiles do not override an earlier claim (wpDiscuz's roots are wpDiscuz's even though WordPress lists `comments`).
  for (const profile of PROFILES) {
    for (const id of profile.sections.rootIds) if (!rootIds.has(id)) rootIds.set(id, profile.dialect);
    for (const name of profile.sections.rootClasses) if (!rootClasses.has(name)) rootClasses.set(name, profile.dialect);
  }
  // `#comments` and `.comments` belong to no engine in particular.
  for (const shared of ['comments']) {
    rootIds.set(shared, 'wordpress');
    rootClasses.set(shared, 'wordpress');
  }
  const all = <T>(pick: (profile: DialectProfile) => readonly T[]): T[] => unique(PROFILES.flatMap((profile) => [...pick(profile)]));
  const ids = PROFILES.flatMap((profile) => profile.items.ids.map((mark) => ({ ...mark, dialect: profile.dialect })));
  tables = {
    ids,
    idPrefixes: unique(ids.map((mark) => mark.prefix)),
    depthCompanions: new Set(all((profile) => profile.items.depthClass?.companions ?? [])),
    classOnly: PROFILES.flatMap((profile) => profile.items.classOnly.map((mark) => ({ ...mark, dialect: profile.dialect }))),
    attributes: PROFILES.flatMap((profile) => profile.items.attributes.map((mark) => ({ ...mark, dialect: profile.dialect }))),
    anchors: PROFILES.flatMap((profile) => (profile.items.anchorBefore ? [{ ...profile.items.anchorBefore, dialect: profile.dialect }] : [])),
    rootIds,
    rootClasses,
    listClasses: new Set(all((profile) => profile.sections.listClasses)),
    listIds: new Set(all((profile) => profile.sections.listIds)),
    formIds: all((profile) => profile.form.ids),
    formClasses: all((profile) => profile.form.formClasses),
    formActions: all((profile) => profile.form.actions),
    secondaryFormClasses: all((profile) => profile.form.secondaryClasses),
    replyLinkClasses: all((profile) => profile.fields.replyLink.classes),
    replyLinkAttributes: all((profile) => profile.fields.replyLink.attributes),
    replyLinkHosts: all((profile) => profile.fields.replyLink.hostClasses),
    replyLinkHrefs: all((profile) => profile.fields.replyLink.hrefs),
    replyButtonClasses: all((profile) => profile.fields.replyLink.buttonClasses),
    afterReplyClasses: all((profile) => profile.replies.afterClasses),
    classHints: [
      'depth-',
      'comment',
      'widget',
      'pingback',
      'trackback',
      'threadlight-',
      'indented',
      'children',
      ...all((profile) => profile.items.classOnly.flatMap((mark) => mark.classes)),
      ...all((profile) => profile.sections.rootClasses),
    ],
  };
  return tables;
}

/** A profile's roles by class token, and its role patterns (per profile, built on first use). */
export interface RoleTable {
  byClass: ReadonlyMap<string, FieldRole>;
  patterns: readonly (readonly [RegExp, FieldRole])[];
}

const roleTables = new WeakMap<DialectProfile, RoleTable>();

export function roleTable(profile: DialectProfile): RoleTable {
  const cached = roleTables.get(profile);
  if (cached) return cached;
  const byClass = new Map<string, FieldRole>();
  for (const [role, names] of Object.entries(profile.fields.roles) as [FieldRole, readonly string[]][]) {
    for (const name of names) if (!byClass.has(name)) byClass.set(name, role);
  }
  const table = { byClass, patterns: profile.fields.rolePatterns };
  roleTables.set(profile, table);
  return table;
}
