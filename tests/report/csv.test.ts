/**
 * The CSV report: RFC 4180 quoting, formula injection neutralised (text only, never a
 * number we write), UTF-8 + BOM + CRLF or GB18030, every unit × item with exact
 * numbers; golden files of the bundled sample (regenerate with UPDATE_GOLDEN=1, then
 * read them).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Assessment } from '../../src/engine/types';
import { csvReportText, formatCsv } from '../../src/report/single/csv';
import { plainOps } from '../../src/report/shared/plain';
import { csvField, csvQuote, csvRecord, neutralizeFormula } from '../../src/report/shared/escape';
import { formatJson } from '../../src/report/single/json';
import { assess, oneItem, scheme } from '../support';
import { fakeIo, ROOT } from '../cli/fake-io';

const BOM = [0xef, 0xbb, 0xbf];
const rows = (text: string): string[][] => parse(text.replace(/^\ufeff/, ''), { relax_column_count: false });
const bytesOf = (d: string | Uint8Array): Uint8Array => (typeof d === 'string' ? new TextEncoder().encode(d) : d);

/** The bundled sample, scored in-process (scheme and data as shipped). */
function sample(): Assessment {
  const s = scheme(readFileSync(join(ROOT, 'criteria/jsyzfw-2008.yaml'), 'utf8'));
  const file = (n: string): [string, string] => [n, readFileSync(join(ROOT, 'fixtures/xiyang', n), 'utf8')];
  return assess(s, file('townships.csv'), file('county.csv'));
}

/** `pinggu score <args> -o <name>` in-process; the bytes written. */
async function written(args: string[], name = 'out.csv'): Promise<{ code: number; bytes: Uint8Array; err: string }> {
  const io = fakeIo();
  const code = await main(['score', ...args, '-o', name], io);
  const d = io.written.get(join(ROOT, name));
  if (d === undefined) throw new Error(`nothing written (exit ${code}): ${io.err}`);
  return { code, bytes: bytesOf(d), err: io.err };
}

describe('neutralizeFormula (OWASP CSV injection)', () => {
  it('prefixes text a spreadsheet would take for a formula', () => {
    for (const s of [
      '=1+1',
      '+1+1',
      '-1+1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '=HYPERLINK("http://x","y")',
      ' =1',
      '\u3000=1',
      '＝1+1',
      '－1',
      '-',
      '--5',
      '-6 people',
      '== 0',
      '-1e3',
      '+5',
      '-.5',
    ]) {
      expect(neutralizeFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    }
  });
  it('leaves plain numbers alone, negative ones included, and ordinary text', () => {
    for (const s of [
      '-6',
      '-0.014',
      '-1,234.5',
      '-1.2%',
      '-3‰',
      '0',
      '12',
      '1,234',
      '',
      '乐平镇',
      'a=b',
      '>= 95%',
      "'quoted",
      '85% – 100%',
    ]) {
      expect(neutralizeFormula(s), JSON.stringify(s)).toBe(s);
    }
  });
  it('for any text, the field read back is the text, or the text with one leading quote, and never a formula', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '=',
            '+',
            '-',
            '@',
            '\t',
            '\r',
            '\n',
            '"',
            ',',
            ' ',
            "'",
            '1',
            '.',
            ',',
            'a',
            '中',
            '%',
          ),
        }),
        (s) => {
          const back = parse(csvRecord([s]), { relax_quotes: false })[0]?.[0];
          expect(back === s || back === `'${s}`).toBe(true);
          if (back !== s) expect(back!.startsWith("'")).toBe(true);
          else expect(/^[=+@\t\r]/.test(s) || (s.startsWith('-') && !/^-\d/.test(s))).toBe(false);
        },
      ),
    );
  });
});

describe('csvQuote (RFC 4180)', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces, and doubles quotes', () => {
    expect(csvQuote('plain')).toBe('plain');
    expect(csvQuote('a,b')).toBe('"a,b"');
    expect(csvQuote('say "hi"')).toBe('"say ""hi"""');
    expect(csvQuote('a\nb')).toBe('"a\nb"');
    expect(csvQuote('a\r\nb')).toBe('"a\r\nb"');
    expect(csvQuote(' a')).toBe('" a"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});

describe('CSV report of the bundled sample', () => {
  const a = sample();

  it('one row per unit × item at every level, with the unit, its parent and the section', () => {
    const [head, ...body] = rows(csvReportText(a, 'en'));
    expect(head).toEqual([
      'Level',
      'Unit key',
      'Unit code',
      'Unit',
      'Parent',
      'Section id',
      'Section',
      'Item id',
      'Item',
      'Value (exact)',
      'Value as shown',
      'Target',
      'Status',
      'Points',
      'Max',
      'Lost',
      'Gap',
      'Remedy lever',
      'Remedy change',
      'Remedy reachable',
      'Remedy gain',
      'Explanation',
    ]);
    const county = a.units[0]!;
    expect(body.length).toBe(county.items.length + county.children.reduce((n, c) => n + c.items.length, 0));
    expect(body.filter((r) => r[0] === '县').length).toBe(county.items.length);
    const t = body.find((r) => r[3] === '沾尚镇' && r[7] === 'yzfw_contraception')!;
    expect(t.slice(0, 9)).toEqual([
      '乡镇',
      '140724103',
      '140724103',
      '沾尚镇',
      '昔阳县',
      'yzfw',
      '优质服务',
      'yzfw_contraception',
      '综合避孕率',
    ]);
    expect(body.find((r) => r[7] === 'bonus_lianfei')![6]).toBe('Bonus');
    const zh = rows(csvReportText(a, 'zh'));
    expect(zh[0]![0]).toBe('层级');
    expect(zh.find((r) => r[7] === 'bonus_lianfei')![6]).toBe('加分项');
  });

  it('has the same numbers as the JSON report (exact decimals, 6 places)', () => {
    const doc = JSON.parse(formatJson(a, { lang: 'en' })) as { units: JUnitDoc[] };
    const body = rows(csvReportText(a, 'en')).slice(1);
    const expected: string[][] = [];
    const walk = (u: JUnitDoc) => {
      for (const i of u.items) {
        const r = i.remedy;
        const s = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
        expected.push([
          u.name,
          i.id,
          typeof i.value === 'boolean' ? (i.value ? 'TRUE' : 'FALSE') : s(i.value),
          s(i.points),
          s(i.max),
          s(i.lost),
          s(i.gap),
          r ? r.label : '',
          s(r?.change),
          s(r?.gain),
          plainOps(i.explanation),
        ]);
      }
      u.children.forEach(walk);
    };
    doc.units.forEach(walk);
    expect(body.map((r) => [r[3], r[7], r[9], r[13], r[14], r[15], r[16], r[17], r[18], r[20], r[21]])).toEqual(
      expected,
    );
    const info = body.find((r) => r[0] === '县' && r[7] === 'yzfw_informed')!;
    expect(info.slice(9, 21)).toEqual([
      '0.88361',
      '88.36%',
      '≥ 90%',
      'partial',
      '2.7',
      '3',
      '0.3',
      '0.01639',
      '开展知情选择的村数',
      '7',
      'yes',
      '0.3',
    ]);
  });

  it('is UTF-8 with a BOM and CRLF line ends by default, GB18030 (no BOM) when asked', async () => {
    const utf8 = formatCsv(a, { lang: 'zh' });
    expect(typeof utf8).toBe('string');
    const b = bytesOf(utf8 as string);
    expect([...b.slice(0, 3)]).toEqual(BOM);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const gb = formatCsv(a, { lang: 'zh', csvEncoding: 'gb18030' });
    expect(gb).toBeInstanceOf(Promise);
    const gbBytes = (await gb) as Uint8Array;
    expect(gbBytes).toBeInstanceOf(Uint8Array);
    expect([...gbBytes.slice(0, 3)]).not.toEqual(BOM);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(gbBytes)).toBe(text);
    // 层 in GB18030 is B2 E3; ✓ (U+2713) is a four-byte sequence: both round-trip above.
    expect([...gbBytes.slice(0, 2)]).toEqual([0xb2, 0xe3]);
  });
});

describe('CSV numbers are never neutralised', () => {
  it('a lever change downwards stays the number -6', () => {
    const s = oneItem({ target: '<= 5%', rule: '{ type: all }', extra: '        lever: num\n' });
    const a = assess(s, ['t.csv', '乡镇,分子,分母\nA,11,100\n']);
    const text = csvReportText(a, 'en');
    const [head, ...body] = rows(text);
    const row = body.find((r) => r[3] === 'A')!;
    expect(row[head!.indexOf('Remedy change')]).toBe('-6');
    expect(row[head!.indexOf('Remedy lever')]).toBe('分子');
    expect(text).toContain(',-6,');
  });
});

describe('formula injection end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-csv-'));
  const EVIL = '=HYPERLINK("http://x","y")';
  const src = readFileSync(join(ROOT, 'fixtures/xiyang/townships.csv'), 'utf8');
  // The name goes in as a quoted CSV cell, as Excel would save it.
  writeFileSync(join(dir, 'townships.csv'), src.replace(/^乐平镇,/m, `${csvQuote(EVIL)},`));
  copyFileSync(join(ROOT, 'fixtures/xiyang/county.csv'), join(dir, 'county.csv'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a township named =HYPERLINK(…) comes out inert: the cell starts with a quote', async () => {
    const { bytes } = await written([dir, '--format', 'csv', '--lang', 'zh']);
    const text = new TextDecoder().decode(bytes);
    const body = rows(text).slice(1);
    const own = body.filter((r) => r[0] === '乡镇' && r[1] !== '' && r[2] === '140724100');
    expect(own.length).toBe(16);
    for (const r of own) expect(r[3]).toBe(`'${EVIL}`);
    // The raw bytes hold the quoted, neutralised field.
    expect(text).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    // No cell anywhere starts a formula; numbers that start with a minus are plain numbers.
    for (const r of body)
      for (const c of r)
        expect(/^[=+@\t\r]/.test(c) || (c.startsWith('-') && !/^-\d[\d,]*(\.\d+)?[%‰]?$/.test(c)), c).toBe(false);
  });

  it('also on stdout with --format csv', async () => {
    const io = fakeIo();
    await main(['score', dir, '--format', 'csv'], io);
    const cells = rows(io.out).flat();
    expect(cells.filter((c) => c.includes('HYPERLINK')).every((c) => c.startsWith("'="))).toBe(true);
    expect(cells.some((c) => c === `'${EVIL}`)).toBe(true);
  });
});

describe('golden CSV of the bundled sample', () => {
  for (const lang of ['zh', 'en']) {
    it(`matches tests/golden/xiyang.${lang}.csv byte for byte`, async () => {
      const file = join(ROOT, `tests/golden/xiyang.${lang}.csv`);
      const { bytes } = await written(['fixtures/xiyang', '--lang', lang]);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, bytes);
      expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
    });
  }
  it('two runs give identical bytes', async () => {
    const x = await written(['fixtures/xiyang']);
    const y = await written(['fixtures/xiyang']);
    expect(Buffer.from(x.bytes).equals(Buffer.from(y.bytes))).toBe(true);
  });
});

interface JItemDoc {
  id: string;
  value: number | boolean | null;
  points: number;
  max: number;
  lost: number;
  gap: number | null;
  remedy: { label: string; change: number | null; gain: number | null } | null;
  explanation: string;
}
interface JUnitDoc {
  name: string;
  items: JItemDoc[];
  children: JUnitDoc[];
}
