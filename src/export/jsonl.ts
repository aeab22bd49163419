/**
 * JSON Lines of merged events: one `StoredEvent` per line, exactly as the store returns it (with
 * its `mentions`, each carrying the extractor's whole record, when they were loaded). Streams.
 */
import type { StoredEvent } from '../store/types.js';
import type { TextSink } from './sink.js';
import { type ExportCounts, emptyCounts } from './types.js';

export async function writeJsonl(
  events: AsyncIterable<StoredEvent>,
  sink: TextSink,
  opts: { mentions?: boolean } = {},
): Promise<ExportCounts> {
  const counts = emptyCounts();
  for await (const e of events) {
    counts.events++;
    let out: StoredEvent = e;
    if (opts.mentions === false && e.mentions) {
      const { mentions: _dropped, ...rest } = e;
      out = rest;
    }
    await sink.write(`${JSON.stringify(out)}\n`);
    counts.rows++;
    counts.mentions += out.mentions?.length ?? 0;
  }
  return counts;
}
