/**
 * The documentation (issue #15): README.md stays short, every relative link of
 * README.md and docs/*.md reaches a file (and a heading, for an anchor), every page of
 * docs/ is in the table of contents docs/README.md, every flag of the commander
 * program is defined by exactly one row of a table in docs/, and every key of the
 * scheme format is documented in docs/scheme.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { fakeIo, ROOT } from './cli/fake-io';

const DOCS = join(ROOT, 'docs');
const PAGES = [
  join(ROOT, 'README.md'),
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS, f)),
];
const read = (file: string): string => readFileSync(file, 'utf8');

/** The text outside fenced code blocks, line by line (links and headings in code are not links). */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return !fenced && !/^\s*```/.test(line);
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a page has: its headings' slugs, a repeated one suffixed -1, -2 … as GitHub does. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of proseLines(read(file))) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** The relative links of a page: `[text](target)`, outside code. */
function links(file: string): string[] {
  const out: string[] = [];
  for (const line of proseLines(read(file))) {
    const noCode = line.replace(/`[^`]*`/g, '');
    for (const m of noCode.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (!/^[a-z]+:/i.test(target)) out.push(target);
    }
  }
  return out;
}

describe('README.md and docs/', () => {
  it('README.md is at most 300 lines', () => {
    expect(read(join(ROOT, 'README.md')).split('\n').length).toBeLessThanOrEqual(300);
  });

  it('every relative link reaches a file, and a heading of it for an anchor', () => {
    const broken: string[] = [];
    const all = PAGES.flatMap((page) => links(page).map((link) => ({ page, link })));
    expect(all.length).toBeGreaterThan(100);
    for (const { page, link } of all) {
      {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path === '' ? page : resolve(dirname(page), decodeURI(path));
        const where = `${relative(ROOT, page)}: ${link}`;
        if (!existsSync(target)) broken.push(`${where} (no such file)`);
        else if (anchor !== undefined && target.endsWith('.md') && !anchors(target).has(decodeURI(anchor)))
          broken.push(`${where} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the link checker knows a broken link and a missing heading', () => {
    expect(slug('Comparing two reports: `pinggu compare` / 对比')).toBe('comparing-two-reports-pinggu-compare--对比');
    expect(slug('Checks (`checks[]`)')).toBe('checks-checks');
    expect(anchors(join(DOCS, 'cli.md')).has('exit-codes-in-detail')).toBe(true);
    expect(anchors(join(DOCS, 'cli.md')).has('no-such-heading')).toBe(false);
  });

  it('no sentence of 60 characters or more is written twice (README.md and docs/ say each thing once)', () => {
    const where = new Map<string, string[]>();
    for (const page of PAGES) {
      const prose = proseLines(read(page)).join(' ').replace(/\s+/g, ' ');
      for (const sentence of prose.split(/(?<=[.。;；:：])\s+/)) {
        if (sentence.length >= 60) where.set(sentence, [...(where.get(sentence) ?? []), relative(ROOT, page)]);
      }
    }
    expect([...where].filter(([, pages]) => pages.length > 1)).toEqual([]);
  });

  it('every page of docs/ is in the table of contents docs/README.md, and README.md links it', () => {
    const toc = new Set(links(join(DOCS, 'README.md')).map((l) => l.split('#')[0]));
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.filter((p) => !toc.has(p))).toEqual([]);
    expect(links(join(ROOT, 'README.md'))).toContain('docs/README.md');
  });
});

/** The options of one command's --help (or the program's), as `-s, --scheme` → ['-s', '--scheme']. */
async function helpOf(args: string[]): Promise<string> {
  const io = fakeIo();
  expect(await main([...args, '--help'], io)).toBe(0);
  return io.out;
}
function optionsIn(help: string): string[][] {
  const section = help.split(/\nOptions:\n/)[1]!.split(/\n\n/)[0]!;
  return [...section.matchAll(/^ {2}((?:-\w, )?--[\w-]+)/gm)].map((m) => m[1]!.split(', '));
}
function commandsIn(help: string): string[] {
  const section = help.split(/\nCommands:\n/)[1]!.split(/\n\n/)[0]!;
  return [...section.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

/** A first cell that is nothing but flags: `-s, --scheme <file\|id>`, `--color`, `--no-color`. */
const FLAG_CELL = /^\s*`(?:-\w, )?--[\w-]+(?: <[^`]*>)?`(?:, `--[\w-]+`)*\s*$/;

/** The first cell of every table row in docs/ that defines flags. */
function flagRows(): { page: string; cell: string }[] {
  const rows: { page: string; cell: string }[] = [];
  for (const page of PAGES.slice(1)) {
    for (const line of proseLines(read(page))) {
      const cell = /^\|((?:[^|\\]|\\.)*)\|/.exec(line)?.[1];
      if (cell && FLAG_CELL.test(cell)) rows.push({ page: relative(ROOT, page), cell });
    }
  }
  return rows;
}

describe('every flag of the program is defined once, in docs/', () => {
  it('each long flag has exactly one row, whose first cell also names its short form', async () => {
    const top = await helpOf([]);
    const commands = commandsIn(top);
    expect(commands).toEqual(expect.arrayContaining(['score', 'check', 'template', 'compare']));
    const flags = new Map<string, string | undefined>();
    for (const opts of [optionsIn(top), ...(await Promise.all(commands.map((c) => helpOf([c])))).map(optionsIn)]) {
      for (const o of opts) flags.set(o[o.length - 1]!, o.length > 1 ? o[0] : undefined);
    }
    expect(flags.size).toBeGreaterThanOrEqual(30);
    const rows = flagRows();
    const problems: string[] = [];
    for (const [long, short] of flags) {
      const named = new RegExp(`\`(?:-\\w, )?${long}(?![\\w-])`);
      const found = rows.filter((r) => named.test(r.cell));
      if (found.length !== 1) problems.push(`${long}: ${found.length} rows ${found.map((r) => r.page).join(' ')}`);
      else if (short && !found[0]!.cell.includes(`\`${short}, ${long}`)) problems.push(`${long}: without ${short}`);
    }
    expect(problems).toEqual([]);
  });
});

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  [key: string]: unknown;
}
/** Every object of the scheme's JSON Schema that has keys (the document, units, fields, items, rules …). */
function objectsOf(node: unknown, out: Record<string, JsonSchema>[] = []): Record<string, JsonSchema>[] {
  if (Array.isArray(node)) for (const x of node) objectsOf(x, out);
  else if (node && typeof node === 'object') {
    const o = node as JsonSchema;
    if (o.properties && typeof o.properties === 'object') out.push(o.properties);
    for (const v of Object.values(o)) objectsOf(v, out);
  }
  return out;
}
/** The keys in the first cells of the table under a heading of docs/scheme.md. */
function tableKeys(doc: string, heading: string): string[] {
  const part = doc.split(`\n${heading}\n`)[1]!.split(/\n#/)[0]!;
  return part
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

describe('every key of the scheme format is documented in docs/scheme.md', () => {
  const schema = JSON.parse(read(join(ROOT, 'criteria/scheme.schema.json'))) as JsonSchema;
  const doc = read(join(DOCS, 'scheme.md'));
  const objects = objectsOf(schema);

  it('every key of every object appears in docs/scheme.md', () => {
    const keys = new Set(objects.flatMap((p) => Object.keys(p)));
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((k) => !doc.includes(`\`${k}\``))).toEqual([]);
  });

  it('the keys of the document, unit levels, fields, sections, items and vetoes each have one row of their table', () => {
    expect(tableKeys(doc, '## Top-level keys').sort()).toEqual(Object.keys(schema.properties!).sort());
    const tables: [string, (keys: string[]) => boolean][] = [
      ['## Unit levels (`units[]`)', (k) => k.includes('key')],
      ['## Fields (`fields[]`)', (k) => k.includes('label')],
      ['## Sections (`sections[]`)', (k) => k.includes('sections') && k.includes('points')],
      ['## Items (`sections[].items[]`, `bonus.items[]`)', (k) => k.includes('formula')],
      ['## Vetoes (`vetoes[]`, 一票否决)', (k) => k.includes('when') && k.includes('item')],
    ];
    for (const [heading, isIt] of tables) {
      const keys = objects.map((p) => Object.keys(p)).find(isIt)!;
      expect(tableKeys(doc, heading).sort(), heading).toEqual(keys.sort());
    }
  });
});
