/**
 * The page's scoring thread. Made from a Blob URL of this bundle (works from file://);
 * where a worker cannot be made, the page loads the same bundle as a script and calls
 * `pingguScore` itself (./page.ts), so the code runs in either place.
 */
import {
  saveAs,
  scoreKeeping,
  templateGb18030,
  type AppRequest,
  type AppResult,
  type SaveFormat,
  type Scored,
} from './run';
import type { AppStep } from '../messages/app';
import type { Saved } from './run-batch';

/**
 * Score these files; or save the last report in a format (made only then); or a blank
 * data sheet's CSV text in GB18030 (the encoder's tables are built on first use).
 */
export type WorkerRequest =
  | { type: 'score'; req: AppRequest }
  | { type: 'save'; format: SaveFormat; file: string }
  | { type: 'template-gb18030'; csv: string; file: string };

export type WorkerReply =
  | { type: 'progress'; step: AppStep }
  | { type: 'done'; result: AppResult; ms: number }
  | { type: 'saved'; file: string; data: Saved }
  | { type: 'error'; message: string };

// The project compiles without the DOM and worker libraries; what this file uses of them, loosely.
declare const self: { postMessage(m: WorkerReply): void; onmessage: ((e: { data: WorkerRequest }) => void) | null };
declare const WorkerGlobalScope: unknown;

let last: Scored | undefined;
/**
 * The number of the newest score request. Requests are handled as they come, and one
 * may finish after a later one (a workbook read waits on exceljs): only the newest is
 * answered and kept for saving, so files picked again, or the language switched while
 * a scoring runs, never end with the older result shown or saved.
 */
let newest = 0;

export async function handle(m: WorkerRequest, post: (m: WorkerReply) => void): Promise<void> {
  const t0 = Date.now();
  const mine = m.type === 'score' ? ++newest : 0;
  const current = () => mine === newest;
  try {
    if (m.type === 'save') {
      if (last) post({ type: 'saved', file: m.file, data: await saveAs(last, m.format) });
      return;
    }
    if (m.type === 'template-gb18030') return post({ type: 'saved', file: m.file, data: await templateGb18030(m.csv) });
    const { result, scored } = await scoreKeeping(m.req, (step) => current() && post({ type: 'progress', step }));
    if (!current()) return;
    last = scored;
    post({ type: 'done', result, ms: Date.now() - t0 });
  } catch (e) {
    if (mine === 0 || current()) post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

if (typeof WorkerGlobalScope !== 'undefined') self.onmessage = (e) => void handle(e.data, (m) => self.postMessage(m));
else (globalThis as { pingguScore?: typeof handle }).pingguScore = handle;
