/**
 * The offline page (pinggu app): the analyst chooses a scheme, drops the data files and
 * reads the report. Words come from the catalog (src/messages/app.ts); scoring runs in
 * a worker made from the inlined worker bundle (./page-scoring.ts), or, where the browser
 * refuses a worker, in the page itself. Nothing is fetched and nothing is stored.
 * This file reads what the analyst gives and wires the page; ./page-draw.ts draws.
 */
import type { AppFile } from './run';
import type { WorkerReply } from './worker';
import type { DropEntry, DropEvent, DropItem, PageElement, PageFile, PickEvent } from './dom';
import { SCHEMES } from './schemes';
import { $, el, save, state, status, word } from './page-kit';
import { score, startWorker } from './page-scoring';
import { show, words } from './page-draw';

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

// ---- input ----
async function readFiles(list: PageFile[]): Promise<AppFile[]> {
  return Promise.all(
    list.map(async (f) => ({
      name: f.path ?? (f.webkitRelativePath || f.name),
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
}

/** The files of a drop, folders walked (their paths kept, as a picked folder gives them). */
async function dropped(items: DropItem[]): Promise<PageFile[]> {
  const out: PageFile[] = [];
  const walk = async (entry: DropEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<PageFile>((ok, no) => entry.file(ok, no));
      out.push({ path: entry.fullPath.replace(/^\//, ''), name: file.name, arrayBuffer: () => file.arrayBuffer() });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch: DropEntry[] = await new Promise((ok, no) => reader.readEntries(ok, no));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  const entries = items.map((i) => i.webkitGetAsEntry?.()).filter((e): e is DropEntry => Boolean(e));
  for (const entry of entries) await walk(entry);
  return out;
}

async function useFiles(list: PageFile[]): Promise<void> {
  state.files = await readFiles(list);
  score();
}

/** The scheme: a bundled one from the list, or a file of the analyst's. */
function schemeInputs(): void {
  const select = $('scheme');
  for (const s of SCHEMES) select.append(el('option', { value: s.file }, `${s.title} (${s.id})`));
  select.onchange = () => {
    const s = SCHEMES.find((x) => x.file === select.value)!;
    state.scheme = { name: s.file, text: s.text };
    score();
  };
  $('scheme-file').onchange = (e: PickEvent) => void pickScheme(e);
}

async function pickScheme(e: PickEvent): Promise<void> {
  const f = e.target.files[0];
  if (!f) return;
  state.scheme = { name: f.name, text: await f.text() };
  e.target.value = '';
  // The list shows no bundled scheme while the analyst's is in use, so that choosing one
  // again (the list may hold only one) is a change the page hears.
  $('scheme').value = '';
  score();
}

/** The data: files or a folder picked, or dropped on the zone. */
function dataInputs(): void {
  $('files').onchange = (e: PickEvent) => void useFiles(picked(e));
  $('folder').onchange = (e: PickEvent) => void useFiles(picked(e));
  const zone = $('drop');
  zone.ondragover = (e: DropEvent) => {
    e.preventDefault();
    zone.classList.add('over');
  };
  zone.ondragleave = () => zone.classList.remove('over');
  zone.ondrop = (e: DropEvent) => void drop(zone, e);
}

/**
 * The files picked, and the picker emptied: the same files picked again (corrected in a
 * spreadsheet and saved under the same names) are then a change the page scores again.
 */
function picked(e: PickEvent): PageFile[] {
  const files = [...e.target.files];
  e.target.value = '';
  return files;
}

async function drop(zone: PageElement, e: DropEvent): Promise<void> {
  e.preventDefault();
  zone.classList.remove('over');
  // Folders are walked by their entries; a browser without entries gives the files alone.
  const walked = await dropped([...(e.dataTransfer.items ?? [])]);
  await useFiles(walked.length ? walked : [...e.dataTransfer.files]);
}

function init(): void {
  schemeInputs();
  dataInputs();
  $('lang').onclick = () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    words();
    score();
  };
  words();
  startWorker(reply);
  score();
}

init();
