/**
 * Blank out what is not prose, keeping every offset: HTML tags and comments pasted into
 * text (`<p>`, `<script>...</script>`, `<img onerror=...>`), character entities, and control
 * characters become spaces of the same length. Analysis runs on the masked view; spans are
 * cut from the text as given, which is the same wherever a span can fall.
 *
 *   `<b>وصل</b> الوزير` → `   وصل    الوزير`
 */

const TAG =
  /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,2000})?\/?>|&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g;
// C0 and C1 controls except tab, newline and carriage return
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function maskMarkup(text: string): string {
  let out = text;
  if (out.includes('<') || out.includes('&')) {
    out = out.replace(TAG, (m) => blank(m));
  }
  if (CONTROL.test(out)) {
    CONTROL.lastIndex = 0;
    out = out.replace(CONTROL, ' ');
  }
  return out;
}

/** Spaces of the same length, keeping newlines so paragraphs stay where they were. */
function blank(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) r += s.charCodeAt(i) === 10 ? '\n' : ' ';
  return r;
}
