/** Drawing the page: its words in the chosen language, and the result of the last run. */
import type { AppItem, AppResult, AppTemplate, SaveFormat } from './run';
import type { PageDocument, PageElement } from './dom';
import { $, csvName, download, el, encodings, plain, save, state, status, word } from './page-kit';
import { send } from './page-scoring';

declare const document: PageDocument;

type Report = Extract<AppResult, { kind: 'report' }>;

/** Reports longer than this (characters) are drawn in the page only when asked. */
const DRAW_AT_ONCE = 2_000_000;

export function words(): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = plain('app/title');
  for (const e of document.querySelectorAll('[data-msg]'))
    e.textContent = plain(e.getAttribute('data-msg') as Parameters<typeof plain>[0]);
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
}

/** The last run: the scheme's errors, the scheme alone (no data yet), or the report. */
export function show(): void {
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
  findings(r.findings);
  reportDownloads(r);
  // A batch has no items of its own: its report ranks the counties.
  $('items-part').hidden = r.batch;
  items(r.items);
  reportFrame(r.html);
}

/** The report's downloads: the HTML at hand; the others made by the scoring code when asked (a province's workbook takes a while). */
function reportDownloads(r: Report): void {
  $('report-downloads').replaceChildren(
    download(word('app/download', { format: 'html' }), 'pinggu-report.html', () =>
      save('pinggu-report.html', r.html, 'text/html'),
    ),
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
}

/** The items that lost points, each explained; those with full points folded away below them. */
function items(all: AppItem[]): void {
  const item = (i: AppItem) => {
    const d = el('details', { 'data-item': i.id });
    d.append(
      el('summary', {}, word('app/item-lost', { title: i.title, lost: i.lost })),
      el('pre', { class: 'explain' }, i.explain),
    );
    return d;
  };
  const full = all.filter((i) => !i.lostAny);
  const rest = el('details', { class: 'full' });
  rest.append(el('summary', {}, word('app/items-full', { count: full.length })), ...full.map(item));
  $('items').replaceChildren(...all.filter((i) => i.lostAny).map(item), ...(full.length ? [rest] : []));
}

/** The HTML report in its frame. A province's report (megabytes of tables) stalls the page for seconds while drawn: only when asked. */
function reportFrame(html: string): void {
  const frame = $('report');
  frame.onload = () => {
    const doc = frame.contentDocument;
    if (doc) frame.style.height = `${doc.documentElement.scrollHeight + 20}px`;
  };
  const big = html.length > DRAW_AT_ONCE;
  const ask = $('show-report');
  ask.hidden = !big;
  frame.hidden = big;
  frame.srcdoc = big ? '' : html;
  ask.textContent = word('app/show-report', { size: (html.length / 1024 / 1024).toFixed(1) });
  ask.onclick = () => {
    ask.hidden = true;
    frame.hidden = false;
    frame.srcdoc = html;
  };
}

function findings(lines: string[]): void {
  const f = $('findings');
  f.hidden = lines.length === 0;
  (f.querySelector('summary') as PageElement).textContent = word('app/findings', { count: lines.length });
  (f.querySelector('pre') as PageElement).textContent = lines.join('\n');
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
