/**
 * The offline page (pinggu app): the analyst chooses a scheme, drops the data files and
 * reads the report. Words come from the catalog (src/messages/app.ts); scoring runs in
 * a worker made from the inlined worker bundle (./worker.ts), or, where the browser
 * refuses a worker, in the page itself. Nothing is fetched and nothing is stored.
 */
import { APP, type AppArgs } from '../messages/app';
import type { Lang } from '../diagnostics';
import type { AppFile, AppItem, AppResult, AppTemplate, SaveFormat } from './run';
import type { WorkerReply, WorkerRequest } from './worker';
import { SCHEMES } from './schemes';

// The project compiles without the DOM library (so src/ cannot use it by mistake): the page's globals, loosely.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const Worker: any;
declare const Blob: any;
declare const URL: any;
/** The worker bundle's code, put in by scripts/build-app.mjs. */
declare const __PINGGU_WORKER__: string;

type NoArgs = { [K in keyof AppArgs]: AppArgs[K] extends Record<string, never> ? K : never }[keyof AppArgs];

const state = {
  lang: 'zh' as Lang,
  scheme: { name: SCHEMES[0]!.file, text: SCHEMES[0]!.text },
  files: [] as AppFile[],
  result: undefined as AppResult | undefined,
  ms: 0,
  run: 0,
};

const $ = (id: string) => document.getElementById(id);
const word = <K extends keyof AppArgs>(code: K, args: AppArgs[K]): string => APP[code][state.lang](args);
const plain = (code: NoArgs): string => word(code, {});

function el(tag: string, attrs: Record<string, string> = {}, text?: string): any {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---- scoring: a worker from the inlined bundle, else the same bundle as a script ----
const workerUrl = URL.createObjectURL(new Blob([__PINGGU_WORKER__], { type: 'text/javascript' }));
let worker: any;
let inPage: ((m: WorkerRequest, post: (m: WorkerReply) => void) => void) | undefined;

function startWorker(): void {
  try {
    worker = new Worker(workerUrl);
    worker.onmessage = (e: { data: WorkerReply }) => reply(e.data);
    worker.onerror = (e: any) => {
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
function send(m: WorkerRequest): void {
  if (worker) worker.postMessage(m);
  else if (inPage) setTimeout(() => inPage!(m, reply), 0);
  else loadInPage(() => send(m));
}

function score(): void {
  status(state.files.length ? word('app/progress', { step: 1 }) : '');
  send({ type: 'score', req: { scheme: state.scheme, files: state.files, lang: state.lang } });
}

function reply(m: WorkerReply): void {
  if (m.type === 'progress') return status(word('app/progress', { step: m.step }));
  if (m.type === 'error') return status(word('app/internal', { message: m.message }), true);
  if (m.type === 'saved')
    return save(m.file, m.data, TYPES[m.file.slice(m.file.lastIndexOf('.') + 1)] ?? 'application/octet-stream');
  state.result = m.result;
  state.ms = m.ms;
  show();
}

const TYPES: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The CSV encodings offered, the language's own first: GB18030 for Chinese (WPS/Excel on Chinese Windows open it directly). */
const encodings = (): Array<'gb18030' | 'utf-8'> => (state.lang === 'zh' ? ['gb18030', 'utf-8'] : ['utf-8', 'gb18030']);
/** `pinggu-report.csv` (UTF-8 with BOM), `pinggu-report.gb18030.csv`. */
const csvName = (base: string, e: 'gb18030' | 'utf-8'): string =>
  e === 'gb18030' ? `${base}.gb18030.csv` : `${base}.csv`;

function status(text: string, bad = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = bad ? 'bad' : '';
}

// ---- drawing ----
function words(): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = plain('app/title');
  for (const e of document.querySelectorAll('[data-msg]')) e.textContent = plain(e.getAttribute('data-msg'));
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
}

function show(): void {
  const r = state.result;
  const errors = $('scheme-errors');
  const out = $('result');
  errors.replaceChildren();
  $('scheme-using').textContent = '';
  if (!r) return;
  if (r.kind === 'scheme-errors') {
    errors.append(
      el('p', {}, word('app/scheme-errors', { file: r.file })),
      el('pre', { id: 'scheme-error-lines' }, r.lines.join('\n')),
    );
    out.hidden = true;
    status('');
    return;
  }
  $('scheme-using').textContent = word('app/scheme-using', { title: r.schemeTitle, file: state.scheme.name });
  templates(r.templates);
  if (r.kind === 'scheme-ok') {
    out.hidden = true;
    findings(r.findings);
    status(plain('app/no-data'));
    return;
  }
  out.hidden = false;
  status(word('app/scored', { files: r.files, ms: state.ms }));
  $('summary').textContent = r.summary;
  $('note').textContent = r.note ?? '';
  findings(r.findings);
  const dl = $('report-downloads');
  dl.replaceChildren(
    download(word('app/download', { format: 'html' }), 'pinggu-report.html', () =>
      save('pinggu-report.html', r.html, 'text/html'),
    ),
    // Made by the scoring code when asked: a province's workbook takes a while.
    ...(['xlsx', 'csv', 'json'] as const).flatMap((f) =>
      f !== 'csv'
        ? [
            download(word('app/download', { format: f }), `pinggu-report.${f}`, () =>
              send({ type: 'save', format: f, file: `pinggu-report.${f}` }),
            ),
          ]
        : encodings().map((e) => {
            const file = csvName('pinggu-report', e);
            const format: SaveFormat = e === 'gb18030' ? 'csv-gb18030' : 'csv';
            return download(word('app/download-csv', { kind: e }), file, () => send({ type: 'save', format, file }));
          }),
    ),
  );
  const item = (i: AppItem) => {
    const d = el('details', { 'data-item': i.id });
    d.append(
      el('summary', {}, word('app/item-lost', { title: i.title, lost: i.lost })),
      el('pre', { class: 'explain' }, i.explain),
    );
    return d;
  };
  const full = r.items.filter((i) => !i.lostAny);
  const rest = el('details', { class: 'full' });
  rest.append(el('summary', {}, word('app/items-full', { count: full.length })), ...full.map(item));
  $('items').replaceChildren(...r.items.filter((i) => i.lostAny).map(item), ...(full.length ? [rest] : []));
  const frame = $('report');
  frame.onload = () => {
    const doc = frame.contentDocument;
    if (doc) frame.style.height = `${doc.documentElement.scrollHeight + 20}px`;
  };
  // A province's report (megabytes of tables) stalls the page for seconds while drawn: only when asked.
  const big = r.html.length > DRAW_AT_ONCE;
  const ask = $('show-report');
  ask.hidden = !big;
  frame.hidden = big;
  frame.srcdoc = big ? '' : r.html;
  ask.textContent = word('app/show-report', { size: (r.html.length / 1024 / 1024).toFixed(1) });
  ask.onclick = () => {
    ask.hidden = true;
    frame.hidden = false;
    frame.srcdoc = r.html;
  };
}

/** Reports longer than this (characters) are drawn in the page only when asked. */
const DRAW_AT_ONCE = 2_000_000;

function findings(lines: string[]): void {
  const f = $('findings');
  f.hidden = lines.length === 0;
  f.querySelector('summary').textContent = word('app/findings', { count: lines.length });
  f.querySelector('pre').textContent = lines.join('\n');
}

function templates(ts: AppTemplate[]): void {
  $('template-downloads').replaceChildren(
    ...ts.flatMap((t, i) =>
      encodings().map((e) => {
        const file = csvName(i === 0 ? 'template' : `template-${t.level}`, e);
        // GB18030 by the scoring code (its encoder); UTF-8 with a BOM is the text itself.
        const get =
          e === 'gb18030'
            ? () => send({ type: 'template-gb18030', csv: t.csv, file })
            : () => save(file, t.csv, 'text/csv');
        return download(word('app/template', { level: t.title, kind: e }), file, get);
      }),
    ),
  );
}

function download(label: string, file: string, onclick: () => void): any {
  const b = el('button', { type: 'button', 'data-file': file }, label);
  b.onclick = onclick;
  return b;
}

/** Hands a file to the browser's downloads (nothing is sent anywhere: a blob: URL of this page). */
function save(file: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([data], { type: typeof data === 'string' ? `${type};charset=utf-8` : type });
  const a = el('a', { href: URL.createObjectURL(blob), download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

// ---- input ----
async function readFiles(list: any[]): Promise<AppFile[]> {
  return Promise.all(
    list.map(async (f: any) => ({
      name: f.path ?? (f.webkitRelativePath || f.name),
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
}

/** The files of a drop, folders walked (their paths kept, as a picked folder gives them). */
async function dropped(items: any[]): Promise<any[]> {
  const out: any[] = [];
  const walk = async (entry: any): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<any>((ok, no) => entry.file(ok, no));
      out.push({ path: entry.fullPath.replace(/^\//, ''), name: file.name, arrayBuffer: () => file.arrayBuffer() });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch: any[] = await new Promise((ok, no) => reader.readEntries(ok, no));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const entry of items.map((i) => i.webkitGetAsEntry?.()).filter(Boolean)) await walk(entry);
  return out;
}

async function useFiles(list: any[]): Promise<void> {
  state.files = await readFiles(list);
  score();
}

function init(): void {
  const select = $('scheme');
  for (const s of SCHEMES) select.append(el('option', { value: s.file }, `${s.title} (${s.id})`));
  select.onchange = () => {
    const s = SCHEMES.find((x) => x.file === select.value)!;
    state.scheme = { name: s.file, text: s.text };
    score();
  };
  $('scheme-file').onchange = async (e: any) => {
    const f = e.target.files[0];
    if (!f) return;
    state.scheme = { name: f.name, text: await f.text() };
    e.target.value = '';
    score();
  };
  $('files').onchange = (e: any) => useFiles([...e.target.files]);
  $('folder').onchange = (e: any) => useFiles([...e.target.files]);
  const zone = $('drop');
  zone.ondragover = (e: any) => {
    e.preventDefault();
    zone.classList.add('over');
  };
  zone.ondragleave = () => zone.classList.remove('over');
  zone.ondrop = async (e: any) => {
    e.preventDefault();
    zone.classList.remove('over');
    // Folders are walked by their entries; a browser without entries gives the files alone.
    const walked = await dropped([...(e.dataTransfer.items ?? [])]);
    await useFiles(walked.length ? walked : [...e.dataTransfer.files]);
  };
  $('lang').onclick = () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    words();
    score();
  };
  words();
  startWorker();
  score();
}

init();
