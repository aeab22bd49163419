/** Escaping for the few libraries that take HTML strings (ECharts tooltips). Pure, unit-tested. */

/** `s` with every character that is special in HTML text or attributes written as a reference. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
