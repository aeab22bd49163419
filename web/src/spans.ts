/** Highlight spans of a text from the API's annotations and the trigger offsets of its events. */
import type { TextAnnotations } from '../../src/server/api-types.js';
import type { HighlightSpan } from './highlight-plan.js';

export interface TriggerLike {
  id: string;
  start: number;
  end: number;
  code: string;
}

export function spansOf(ann: TextAnnotations, triggers: TriggerLike[]): HighlightSpan[] {
  return [
    ...triggers.map(
      (m): HighlightSpan => ({ start: m.start, end: m.end, kind: 'trigger', label: m.code, ids: [m.id] }),
    ),
    ...ann.actors.map((a): HighlightSpan => ({ start: a.start, end: a.end, kind: 'actor', label: a.code })),
    ...ann.places.map((p): HighlightSpan => ({ start: p.start, end: p.end, kind: 'place', label: p.name })),
    ...ann.times.map(
      (x): HighlightSpan => ({ start: x.start, end: x.end, kind: 'time', label: x.value ?? '' }),
    ),
  ];
}
