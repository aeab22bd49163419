/**
 * Progress of a long ingest on standard error. On a terminal with a known total: one bar line
 * redrawn at most every `redrawMs` (done/total, percent, rate, elapsed, time left, failures).
 * Otherwise (a pipe, a log file, or no total): a plain line every `plainEveryMs`. `done()` writes
 * the final summary line. Clock and stream are injectable for tests.
 */

/** The part of a write stream the reporter uses. */
export interface ProgressStream {
  write(s: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Number of items expected; unknown when absent. */
  total?: number;
  /** Default process.stderr. */
  stream?: ProgressStream;
  /** Names the work: `ingest`. */
  label?: string;
  /** Milliseconds clock. Default Date.now. */
  now?: () => number;
  /** Bar mode (default: the stream is a TTY and the total is known). */
  tty?: boolean;
  /** Minimum time between bar redraws. Default 100 ms. */
  redrawMs?: number;
  /** Time between plain lines. Default 10 000 ms. */
  plainEveryMs?: number;
}

export interface ProgressSummary {
  done: number;
  failed: number;
  elapsedMs: number;
  /** Items per second over the whole run. */
  rate: number;
}

export interface Progress {
  /** `n` more items went through (default 1); `failed`: how many of them failed (`true`: all `n`). */
  tick(n?: number, opts?: { failed?: number | boolean }): void;
  /** Set or change the expected total. */
  setTotal(total: number): void;
  /** Write a message line without breaking the bar. */
  log(line: string): void;
  /** Write the final summary line; later ticks are ignored. */
  done(): ProgressSummary;
  readonly count: number;
  readonly failed: number;
}

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return '0/s';
  if (rate >= 100) return `${Math.round(rate)}/s`;
  return rate >= 1 ? `${rate.toFixed(1)}/s` : `${rate.toFixed(2)}/s`;
}

export function createProgress(opts: ProgressOptions = {}): Progress {
  const stream: ProgressStream = opts.stream ?? process.stderr;
  const now = opts.now ?? Date.now;
  const label = opts.label ?? 'progress';
  const redrawMs = opts.redrawMs ?? 100;
  const plainEveryMs = opts.plainEveryMs ?? 10_000;
  const start = now();
  let total = opts.total !== undefined && opts.total >= 0 ? opts.total : undefined;
  let count = 0;
  let failed = 0;
  let finished = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastPlain = start;
  let barShown = false;

  const barMode = (): boolean => (opts.tty ?? stream.isTTY === true) && total !== undefined;

  const stats = (t: number) => {
    const elapsed = t - start;
    const rate = elapsed > 0 ? count / (elapsed / 1000) : 0;
    const left = total !== undefined && rate > 0 ? ((total - count) / rate) * 1000 : null;
    return { elapsed, rate, left };
  };

  const barLine = (t: number): string => {
    const { elapsed, rate, left } = stats(t);
    const tot = total ?? 0;
    const frac = tot > 0 ? Math.min(1, count / tot) : 1;
    const pct = `${(frac * 100).toFixed(1)}%`;
    const tail = [
      `${count}/${tot}`,
      pct,
      formatRate(rate),
      `elapsed ${formatDuration(elapsed)}`,
      `ETA ${left === null ? '?' : formatDuration(Math.max(0, left))}`,
      ...(failed > 0 ? [`${failed} failed`] : []),
    ].join('  ');
    const columns = stream.columns && stream.columns > 20 ? stream.columns : 80;
    const width = Math.max(10, Math.min(30, columns - 1 - label.length - tail.length - 5));
    const filled = Math.round(frac * width);
    const line = `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${tail}`;
    return line.length > columns - 1 ? line.slice(0, columns - 1) : line;
  };

  const plainLine = (t: number): string => {
    const { elapsed, rate, left } = stats(t);
    const parts =
      total !== undefined
        ? [`${count}/${total} (${total > 0 ? (Math.min(1, count / total) * 100).toFixed(1) : '100.0'}%)`]
        : [`${count} done`];
    parts.push(formatRate(rate), `elapsed ${formatDuration(elapsed)}`);
    if (left !== null) parts.push(`ETA ${formatDuration(Math.max(0, left))}`);
    if (failed > 0) parts.push(`${failed} failed`);
    return `${label}: ${parts.join(', ')}\n`;
  };

  const draw = (force: boolean): void => {
    const t = now();
    if (barMode()) {
      if (!force && t - lastDraw < redrawMs) return;
      lastDraw = t;
      stream.write(`\r${barLine(t)}\x1b[K`);
      barShown = true;
    } else if (force || t - lastPlain >= plainEveryMs) {
      lastPlain = t;
      stream.write(plainLine(t));
    }
  };

  return {
    get count() {
      return count;
    },
    get failed() {
      return failed;
    },
    tick(n = 1, o = {}) {
      if (finished) return;
      count += n;
      if (o.failed === true) failed += n;
      else if (typeof o.failed === 'number') failed += o.failed;
      draw(false);
    },
    setTotal(t) {
      total = t >= 0 ? t : undefined;
    },
    log(line) {
      if (barShown) stream.write('\r\x1b[K');
      stream.write(line.endsWith('\n') ? line : `${line}\n`);
      if (barShown && !finished) {
        const t = now();
        lastDraw = t;
        stream.write(`\r${barLine(t)}\x1b[K`);
      }
    },
    done() {
      const t = now();
      const { elapsed, rate } = stats(t);
      if (!finished) {
        finished = true;
        if (barShown) stream.write('\r\x1b[K');
        const fails = failed > 0 ? ` (${failed} failed)` : '';
        stream.write(`${label}: ${count} done${fails} in ${formatDuration(elapsed)}, ${formatRate(rate)}\n`);
      }
      return { done: count, failed, elapsedMs: elapsed, rate };
    },
  };
}
