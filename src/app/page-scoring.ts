/**
 * The page's scoring: a worker made from the inlined worker bundle, else the same
 * bundle loaded as a script of the page. Replies go to the handler startWorker is given.
 */
import type { WorkerReply, WorkerRequest } from './worker';
import type { PageBlob, PageDocument, PageUrl, PageWorker } from './dom';
import { el, state, status, word } from './page-kit';

declare const document: PageDocument;
declare const Worker: new (url: string) => PageWorker;
declare const Blob: new (parts: string[], options: { type: string }) => PageBlob;
declare const URL: PageUrl;
/**
 * The worker bundle's code: a `<script type="text/plain">` of the page (scripts/build-app.mjs),
 * which the browser keeps as text and never parses or runs itself. Inside the page's own
 * script, as a string of 1.5 MB, it made the page slower to open than the scoring it carries.
 */
const workerUrl = URL.createObjectURL(
  new Blob([document.getElementById('pinggu-scoring').textContent ?? ''], { type: 'text/javascript' }),
);
let worker: PageWorker | undefined;
let inPage: ((m: WorkerRequest, post: (m: WorkerReply) => void) => void) | undefined;
let reply: (m: WorkerReply) => void = () => {};

/** The worker, its replies to `onReply`; where it fails to start or load, the scoring code in the page. */
export function startWorker(onReply: (m: WorkerReply) => void): void {
  reply = onReply;
  try {
    worker = new Worker(workerUrl);
    worker.onmessage = (e) => reply(e.data as WorkerReply);
    worker.onerror = (e) => {
      e?.preventDefault?.();
      worker = undefined;
      loadInPage(() => score());
    };
  } catch {
    worker = undefined;
  }
}

let loading = false;

/** The scoring code as a script of the page (once); then `then`, or the failure said. */
function loadInPage(then: () => void): void {
  if (loading) return;
  loading = true;
  const g = globalThis as { pingguScore?: typeof inPage };
  const s = el('script', { src: workerUrl });
  s.onload = () => {
    inPage = g.pingguScore;
    if (inPage) then();
    else status(word('app/internal', { message: 'the scoring code did not load' }), true);
  };
  s.onerror = () => status(word('app/internal', { message: 'the scoring code did not load' }), true);
  document.head.appendChild(s);
}

/** To the worker, or to the scoring code in the page. */
export function send(m: WorkerRequest): void {
  if (worker) worker.postMessage(m);
  else if (inPage) setTimeout(() => inPage!(m, reply), 0);
  else loadInPage(() => send(m));
}

export function score(): void {
  status(state.files.length ? word('app/progress', { step: 1 }) : '');
  send({ type: 'score', req: { scheme: state.scheme, files: state.files, lang: state.lang } });
}
