/**
 * Extraction workers over a PostgreSQL store: queue articles (`enqueueArticles`, `enqueuePending`)
 * and run workers (`startWorker`) that extract and store them, each article once.
 */
export {
  type EnqueueOptions,
  EXTRACT_QUEUE,
  enqueueArticles,
  enqueuePending,
} from './queue.js';
export { type ProcessedArticle, type RunningWorker, startWorker, type WorkerOptions } from './worker.js';
