/**
 * The part of the browser's DOM the offline page uses, typed. The project compiles
 * without the DOM library, so node code cannot use `document` or `window` by mistake;
 * each page file declares the globals it uses with these types:
 * `declare const document: PageDocument;` (a declaration, nothing at run time).
 */

/** An element of the page: the members the page uses of every kind it makes or finds. */
export interface PageElement {
  textContent: string | null;
  className: string;
  hidden: boolean;
  readonly classList: { add(name: string): void; remove(name: string): void };
  readonly style: { height: string };
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  append(...nodes: PageElement[]): void;
  appendChild(node: PageElement): PageElement;
  replaceChildren(...nodes: PageElement[]): void;
  querySelector(selector: string): PageElement | null;
  remove(): void;
  click(): void;
  onclick: (() => void) | null;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onchange: ((e: PickEvent) => void) | null;
  ondragover: ((e: DropEvent) => void) | null;
  ondragleave: ((e: DropEvent) => void) | null;
  ondrop: ((e: DropEvent) => void) | null;
  /** <select>, <input>. */
  value: string;
  /** <a>. */
  href: string;
  /** <iframe>. */
  srcdoc: string;
  readonly contentDocument: { readonly documentElement: { readonly scrollHeight: number } } | null;
}

export interface PageDocument {
  title: string;
  readonly documentElement: { lang: string };
  readonly head: PageElement;
  readonly body: PageElement;
  getElementById(id: string): PageElement;
  createElement(tag: string): PageElement;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** A file the analyst picked or dropped; a dropped folder's files carry their path. */
export interface PageFile {
  readonly name: string;
  readonly path?: string;
  readonly webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file of a file input. */
export interface PickedFile extends PageFile {
  text(): Promise<string>;
}

/** The change event of a file input. */
export interface PickEvent {
  readonly target: { readonly files: ArrayLike<PickedFile> & Iterable<PickedFile>; value: string };
}

/** A folder or file entry of a drop (the File and Directory Entries API). */
export interface DropEntry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly fullPath: string;
  file(ok: (f: PageFile) => void, no: (e: unknown) => void): void;
  createReader(): { readEntries(ok: (batch: DropEntry[]) => void, no: (e: unknown) => void): void };
}

export interface DropItem {
  webkitGetAsEntry?(): DropEntry | null;
}

export interface DropEvent {
  preventDefault(): void;
  readonly dataTransfer: { readonly items?: Iterable<DropItem>; readonly files: Iterable<PageFile> };
}

export interface PageWorker {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { preventDefault?(): void } | undefined) => void) | null;
  postMessage(m: unknown): void;
}

export type PageBlob = object;

export interface PageUrl {
  createObjectURL(blob: PageBlob): string;
  revokeObjectURL(url: string): void;
}
