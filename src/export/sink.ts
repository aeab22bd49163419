/**
 * A text sink over a Node writable stream that respects back-pressure, so that exports of
 * millions of events run in constant memory: `write` waits for `drain` when the stream's buffer
 * is full. A stream error is kept and thrown by the next `write` or by `close`.
 */
import type { Writable } from 'node:stream';

export class TextSink {
  private error: Error | null = null;
  private readonly onError = (e: Error): void => {
    this.error ??= e;
  };

  constructor(readonly stream: NodeJS.WritableStream) {
    stream.on('error', this.onError);
  }

  async write(s: string): Promise<void> {
    if (this.error) throw this.error;
    if (s === '') return;
    if (!this.stream.write(s)) await this.drain();
    if (this.error) throw this.error;
  }

  private drain(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }

  /** Stop listening; `end` also ends the stream (files) and waits until it is flushed. */
  async close(end: boolean): Promise<void> {
    if (end) {
      await new Promise<void>((resolve) => {
        const w = this.stream as Writable;
        w.once('error', () => resolve());
        w.end(() => resolve());
      });
    }
    this.stream.off('error', this.onError);
    if (this.error) throw this.error;
  }
}
