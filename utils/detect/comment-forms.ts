/** The comment form of a page or section, recognized from the dialect profiles (ids, form classes, actions). */
import { markTables } from '@/utils/dialects/index';
import type { DialectProfile } from '@/utils/dialects/types';
import { classTokens } from '@/utils/dom/class-tokens';
import { safeDom, type SafeDom } from '@/utils/dom/safe-dom';

interface FormRules {
  ids: readonly string[];
  formClasses: readonly string[];
  actions: readonly string[];
}

function rulesOf(profile?: DialectProfile): FormRules {
  if (profile) return profile.form;
  const tables = markTables();
  return { ids: tables.formIds, formClasses: tables.formClasses, actions: tables.formActions };
}

/** True when `el` is (a container of) the comment form: `#respond`, `#commentform`, a form posting comments. */
export function isCommentForm(el: Element, profile?: DialectProfile, dom: SafeDom = safeDom(el)): boolean {
  const rules = rulesOf(profile);
  if (rules.ids.includes(dom.id(el))) return true;
  if (dom.tag(el) !== 'FORM') return false;
  const action = dom.attr(el, 'action') ?? '';
  if (rules.actions.some((part) => action.includes(part))) return true;
  const tokens = classTokens(el, dom);
  return tokens.length > 0 && rules.formClasses.some((name) => tokens.includes(name));
}

/** The page's own comment form parts (or Jetpack's iframe): proof the page takes comments. */
export function findCommentForms(doc: Document, profile?: DialectProfile): Element[] {
  const dom = safeDom(doc);
  const rules = rulesOf(profile);
  const byId = rules.ids.map((id) => dom.byId(doc, id)).filter((el): el is Element => el !== null);
  // A scan of every form only when the usual ids are missing.
  return byId.length > 0 ? byId : dom.forms(doc).filter((form) => isCommentForm(form, profile, dom));
}
