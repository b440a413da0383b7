/**
 * The page's scoring thread. Made from a Blob URL of this bundle (works from file://);
 * where a worker cannot be made, the page loads the same bundle as a script and calls
 * `pingguScore` itself (./page.ts), so the code runs in either place.
 */
import { scoreInPage, type AppRequest, type AppResult } from './run';
import type { AppStep } from '../messages/app';

export type WorkerReply = { type: 'progress'; step: AppStep } | { type: 'done'; result: AppResult; ms: number } | { type: 'error'; message: string };

// The project compiles without the DOM and worker libraries; what this file uses of them, loosely.
declare const self: { postMessage(m: WorkerReply): void; onmessage: ((e: { data: AppRequest }) => void) | null };
declare const WorkerGlobalScope: unknown;

export async function handle(req: AppRequest, post: (m: WorkerReply) => void): Promise<void> {
  const t0 = Date.now();
  try {
    const result = await scoreInPage(req, (step) => post({ type: 'progress', step }));
    post({ type: 'done', result, ms: Date.now() - t0 });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

if (typeof WorkerGlobalScope !== 'undefined') self.onmessage = (e) => void handle(e.data, (m) => self.postMessage(m));
else (globalThis as { pingguScore?: typeof handle }).pingguScore = handle;
