/** What every part of the offline page shares: its state, its words, elements, the status line and downloads. */
import { APP, type AppArgs } from '../messages/app';
import type { Lang } from '../diagnostics';
import type { AppFile, AppResult } from './run';
import { SCHEMES } from './schemes';
import type { PageBlob, PageDocument, PageElement, PageUrl } from './dom';

declare const document: PageDocument;
declare const Blob: new (parts: (string | Uint8Array)[], options: { type: string }) => PageBlob;
declare const URL: PageUrl;

type NoArgs = { [K in keyof AppArgs]: AppArgs[K] extends Record<string, never> ? K : never }[keyof AppArgs];

export const state = {
  lang: 'zh' as Lang,
  scheme: { name: SCHEMES[0]!.file, text: SCHEMES[0]!.text },
  files: [] as AppFile[],
  result: undefined as AppResult | undefined,
  ms: 0,
  run: 0,
};

export const $ = (id: string): PageElement => document.getElementById(id);
export const word = <K extends keyof AppArgs>(code: K, args: AppArgs[K]): string => APP[code][state.lang](args);
export const plain = (code: NoArgs): string => word(code, {});

export function el(tag: string, attrs: Record<string, string> = {}, text?: string): PageElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The CSV encodings offered, the language's own first: GB18030 for Chinese (WPS/Excel on Chinese Windows open it directly). */
export const encodings = (): Array<'gb18030' | 'utf-8'> =>
  state.lang === 'zh' ? ['gb18030', 'utf-8'] : ['utf-8', 'gb18030'];
/** `pinggu-report.csv` (UTF-8 with BOM), `pinggu-report.gb18030.csv`. */
export const csvName = (base: string, e: 'gb18030' | 'utf-8'): string =>
  e === 'gb18030' ? `${base}.gb18030.csv` : `${base}.csv`;

export function status(text: string, bad = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = bad ? 'bad' : '';
}

export function download(label: string, file: string, onclick: () => void): PageElement {
  const b = el('button', { type: 'button', 'data-file': file }, label);
  b.onclick = onclick;
  return b;
}

/** Hands a file to the browser's downloads (nothing is sent anywhere: a blob: URL of this page); a long JSON comes in pieces. */
export function save(file: string, data: string | Uint8Array | string[], type: string): void {
  const text = typeof data === 'string' || Array.isArray(data);
  const blob = new Blob(Array.isArray(data) ? data : [data], { type: text ? `${type};charset=utf-8` : type });
  const a = el('a', { href: URL.createObjectURL(blob), download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}
