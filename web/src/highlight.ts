/**
 * Renders a highlighting plan (highlight-plan.ts) as DOM: text nodes and `<mark>` elements built
 * with createTextNode and setAttribute, never HTML. Labels are shown by CSS from `data-label`, so
 * the body's textContent is exactly the text.
 */
import { type HighlightSpan, type PlanNode, planHighlights } from './highlight-plan.js';

export interface Highlighted {
  body: HTMLElement;
  /** Trigger marks by mention id (or record id in "Try it"). */
  triggers: Map<string, HTMLElement>;
}

function build(text: string, nodes: PlanNode[], parent: Node, triggers: Map<string, HTMLElement>): void {
  for (const n of nodes) {
    if (n.type === 'text') {
      parent.appendChild(document.createTextNode(text.slice(n.start, n.end)));
      continue;
    }
    const mark = document.createElement('mark');
    mark.className = `hl hl-${n.span.kind}`;
    mark.setAttribute('data-kind', n.span.kind);
    mark.setAttribute('data-start', String(n.span.start));
    mark.setAttribute('data-end', String(n.span.end));
    if (n.span.label) mark.setAttribute('data-label', n.span.label);
    const ids = n.span.ids ?? [];
    if (ids.length) mark.setAttribute('data-ids', ids.join(' '));
    if (n.span.kind === 'trigger') {
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      for (const id of ids) triggers.set(id, mark);
    }
    build(text, n.children, mark, triggers);
    parent.appendChild(mark);
  }
}

/** A `<div class="article-text">` holding `text` with the spans marked. */
export function highlight(text: string, spans: HighlightSpan[]): Highlighted {
  const body = document.createElement('div');
  body.className = 'article-text';
  body.setAttribute('dir', 'rtl');
  body.setAttribute('lang', 'ar');
  const triggers = new Map<string, HTMLElement>();
  build(text, planHighlights(text, spans).nodes, body, triggers);
  return { body, triggers };
}
