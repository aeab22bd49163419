/** What a view gets from the router: where to draw, its route, and cleanup registration. */
import type { Route } from './router.js';

export interface ViewContext {
  root: HTMLElement;
  route: Route;
  /** Run `fn` when the user leaves the view (dispose charts, graphs, listeners). */
  onCleanup(fn: () => void): void;
  /** False once the user has navigated elsewhere: late results must not be drawn. */
  alive(): boolean;
}

export type View = (ctx: ViewContext) => Promise<void> | void;
