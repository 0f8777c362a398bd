/**
 * Pingbacks and trackbacks at top level (options.pingbacks): 'collapsed' gathers them behind one button placed
 * where the first of them is ("3 pingbacks", aria-expanded), 'hidden' hides them, 'shown' leaves them alone
 * (the feature is off). Hiding is a mask of the view state: revealing a ping (a #comment-N link, a key) opens the
 * group.
 */
import { countLabel } from '@/utils/view/core/labels';
import { defineViewFeature } from '@/utils/view/core/feature';
import { ROOT } from '@/utils/view/core/core-styles';
import { importantRule as rule } from '@/utils/view/core/style-registry';
import { ATTR_GROUP, ATTR_UI } from '@/utils/view/dom-contract';

const CSS = [rule(`${ROOT} li.threadlight-pings`, 'list-style: none'), rule(`${ROOT} .threadlight-pings`, 'margin: 0.75em 0')].join('\n');

interface Group {
  element: HTMLElement;
  button: HTMLButtonElement;
  label: HTMLElement;
}

/** The group's summary: an item of the same kind as its siblings (li in a list, div elsewhere). */
function createGroup(doc: Document, parent: Element): Group {
  const inList = parent.tagName === 'OL' || parent.tagName === 'UL';
  const element = doc.createElement(inList ? 'li' : 'div');
  element.className = 'threadlight-pings threadlight-bar';
  element.setAttribute(ATTR_UI, 'pings');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'threadlight-pings-toggle threadlight-button';
  button.setAttribute(ATTR_GROUP, 'pingbacks');
  const chevron = doc.createElement('span');
  chevron.className = 'threadlight-chevron';
  chevron.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  button.append(chevron, label);
  element.append(button);
  return { element, button, label };
}

export const pingbacksFeature = defineViewFeature({
  id: 'pingbacks',
  enabled: (options) => options.pingbacks !== 'shown',
  restartOn: ['pingbacks'],
  setup(ctx) {
    const mode = ctx.options().pingbacks;
    let expanded = false;
    let group: Group | null = null;

    const topLevelPings = () =>
      ctx.state.index.roots.filter((id) => ctx.state.index.byId.get(id)!.type !== 'comment' && ctx.thread.parts(id) !== undefined);

    const removeGroup = () => {
      if (group) ctx.write(() => ctx.journal.removeInserted(group!.element));
      group = null;
    };

    const sync = () => {
      const pings = topLevelPings();
      ctx.state.mask.set(mode === 'hidden' || !expanded ? pings : null);
      if (mode !== 'collapsed') return;
      const first = pings[0] === undefined ? null : ctx.thread.parts(pings[0])!.element;
      if (!first?.parentElement) {
        removeGroup();
        return;
      }
      if (!group || group.element.nextElementSibling !== first) {
        removeGroup();
        const created = createGroup(ctx.doc, first.parentElement);
        ctx.write(() => ctx.journal.insert(created.element, first.parentElement!, first));
        created.button.addEventListener('click', ctx.guard('click', toggle), { signal: ctx.signal });
        group = created;
      }
      // The visible count is the whole accessible name; aria-expanded says whether they show.
      group.button.setAttribute('aria-expanded', String(expanded));
      const text = countLabel('view_pingbacks', pings.length);
      if (group.label.textContent !== text) group.label.textContent = text;
    };

    function toggle(): void {
      expanded = !expanded;
      sync();
    }

    ctx.addStyles(CSS);
    ctx.on('mask', (change) => {
      // A reveal took a ping out of the mask: open the group, so its button tells the truth.
      if (change.delta.liftedMasks.has('pingbacks') && !expanded) {
        expanded = true;
        sync();
      }
    });
    ctx.on('thread', sync);
    sync();
    return removeGroup;
  },
});
