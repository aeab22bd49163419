/** The host of a URL as an outlet name: `https://www.example.net:8080/a` → `example.net`. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
