/**
 * The JUnit report, read back by a small strict XML parser written here (no
 * dependency): well-formed, the counts add up, and its red tests are exactly what
 * fails the --fail-on gate (so they agree with the exit code); the items not met pass,
 * with the gap and the points lost in their output. Golden file of the bundled sample (regenerate with UPDATE_GOLDEN=1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Assessment, ItemResult, UnitResult, VetoResult } from '../../src/engine/types';
import { R } from '../../src/rational';
import { xmlAttr, xmlText } from '../../src/report/shared/escape';
import { formatJunit } from '../../src/report/single/junit';
import { formatJunitMany } from '../../src/report/batch/junit';
import { msg } from '../../src/diagnostics';
import { assess, scheme } from '../support';
import { fakeIo, ROOT } from '../cli/fake-io';

// ---------------------------------------------------------------------------
// A strict, non-validating XML 1.0 parser: prolog, elements, attributes, text,
// the five predefined entities and character references, comments. Anything
// else (mismatched tags, a raw `<` or `&` in text, duplicate attributes,
// characters XML cannot carry, content after the root) throws.

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isNameStart = (c: string) =>
  (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_' || c === ':' || c.charCodeAt(0) >= 0xc0;
const isNameChar = (c: string) => isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.';
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

export function parseXml(src: string): El {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`XML: ${why} at offset ${i}: ${JSON.stringify(src.slice(i, i + 30))}`);
  };
  for (const ch of src)
    if (!isXmlChar(ch.codePointAt(0)!)) fail(`character U+${ch.codePointAt(0)!.toString(16)} not allowed`);
  const peek = (s: string) => src.startsWith(s, i);
  const expect = (s: string) => (peek(s) ? (i += s.length) : fail(`expected ${s}`));
  const spaces = () => {
    while (i < src.length && isSpace(src[i]!)) i++;
  };
  const name = () => {
    const start = i;
    if (!isNameStart(src[i] ?? '')) fail('name expected');
    while (i < src.length && isNameChar(src[i]!)) i++;
    return src.slice(start, i);
  };
  const reference = (): string => {
    expect('&');
    let body = '';
    while (i < src.length && src[i] !== ';') {
      if (body.length > 10) fail('unterminated reference');
      body += src[i++];
    }
    expect(';');
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body]!;
    let cp = NaN;
    if (body.startsWith('#x')) cp = parseInt(body.slice(2), 16);
    else if (body.startsWith('#')) cp = Number(body.slice(1));
    if (!Number.isInteger(cp) || !isXmlChar(cp)) fail(`bad reference &${body};`);
    return String.fromCodePoint(cp);
  };
  const comment = () => {
    expect('<!--');
    const end = src.indexOf('-->', i);
    if (end < 0) fail('unterminated comment');
    i = end + 3;
  };
  const misc = () => {
    for (;;) {
      spaces();
      if (peek('<!--')) comment();
      else return;
    }
  };
  const attrValue = (): string => {
    const q = src[i];
    if (q !== '"' && q !== "'") fail('quoted value expected');
    i++;
    let out = '';
    while (src[i] !== q) {
      if (i >= src.length) fail('unterminated attribute');
      const c = src[i]!;
      if (c === '<') fail('< in attribute value');
      if (c === '&') out += reference();
      else {
        // Attribute-value normalisation: literal white space becomes a space.
        out += isSpace(c) ? ' ' : c;
        i++;
      }
    }
    i++;
    return out;
  };
  const element = (): El => {
    expect('<');
    const el: El = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const had = i;
      spaces();
      if (peek('/>')) {
        i += 2;
        return el;
      }
      if (peek('>')) {
        i++;
        break;
      }
      if (i === had) fail('space expected before attribute');
      const k = name();
      if (k in el.attrs) fail(`duplicate attribute ${k}`);
      spaces();
      expect('=');
      spaces();
      el.attrs[k] = attrValue();
    }
    for (;;) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (peek('</')) {
        i += 2;
        const end = name();
        if (end !== el.name) fail(`</${end}> closes <${el.name}>`);
        spaces();
        expect('>');
        return el;
      }
      if (peek('<!--')) comment();
      else if (peek('<![CDATA[')) {
        const end = src.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        el.text += src.slice(i + 9, end);
        i = end + 3;
      } else if (peek('<')) el.children.push(element());
      else if (peek('&')) el.text += reference();
      else {
        if (peek(']]>')) fail(']]> in text');
        // End-of-line handling: CRLF and CR become LF.
        if (src[i] === '\r') {
          el.text += '\n';
          i += src[i + 1] === '\n' ? 2 : 1;
        } else el.text += src[i++];
      }
    }
  };
  if (peek('<?xml')) {
    const end = src.indexOf('?>', i);
    if (end < 0) fail('unterminated declaration');
    const decl = src.slice(i, end);
    if (!decl.includes('version="1.0"')) fail('version 1.0 expected');
    i = end + 2;
  }
  misc();
  if (peek('<!DOCTYPE')) fail('no DOCTYPE expected');
  const root = element();
  misc();
  if (i !== src.length) fail('content after the root element');
  return root;
}

// ---------------------------------------------------------------------------

async function junit(args: string[] = []): Promise<{ code: number; out: string; json: JUnitDoc[] }> {
  const io = fakeIo();
  const code = await main(['score', 'fixtures/xiyang', '--format', 'junit', ...args], io);
  const j = fakeIo();
  await main(['score', 'fixtures/xiyang', '--format', 'json', ...args], j);
  return { code, out: io.out, json: (JSON.parse(j.out) as { units: JUnitDoc[] }).units };
}

interface JUnitDoc {
  name: string;
  key: string;
  vetoes: { id: string; triggered: boolean; checked: boolean }[];
  items: { id: string; status: string; bonus: boolean; lost: number; gap: number | null }[];
}

const kids = (e: El, name: string) => e.children.filter((c) => c.name === name);
const cases = (root: El) => kids(root, 'testsuite').flatMap((s) => kids(s, 'testcase'));
const idOf = (tc: El) => tc.attrs.name!.split(' ')[0]!;
const withChild = (root: El, name: string) =>
  cases(root)
    .filter((tc) => kids(tc, name).length > 0)
    .map(idOf);

describe('the tiny XML parser (checked before it is trusted)', () => {
  it('reads elements, attributes, entities and character references', () => {
    const e = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; &lt;2&gt; &quot;&apos; &#10;&#x41;"><b/>t&amp;x<c y=\'z\'>&#13;</c></a>\n',
    );
    expect(e.name).toBe('a');
    expect(e.attrs.x).toBe('1 & <2> "\' \nA');
    expect(e.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(e.text).toBe('t&x');
    expect(e.children[1]!.text).toBe('\r');
  });
  it('rejects what is not well-formed', () => {
    for (const bad of [
      '<a></b>',
      '<a>',
      '<a x="1" x="2"/>',
      '<a x="<"/>',
      '<a>&</a>',
      '<a>&nbsp;</a>',
      '<a>\u0001</a>',
      '<a>&#1;</a>',
      '<a/><b/>',
      '<a x=1/>',
      '<a>]]></a>',
      '<a x="1"y="2"/>',
      'text',
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

describe('xml escaping', () => {
  it('round-trips any text through an attribute and an element, and drops what XML cannot carry', () => {
    const nasty = 'A & B <c> "d" \'e\' ]]> \t tab \n line \r cr \u0001 \u001f \ud800 lone 😀 \ufffe';
    const e = parseXml(`<x a="${xmlAttr(nasty)}">${xmlText(nasty)}</x>`);
    // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are the point
    const expected = nasty.replace(/[\u0001\u001f\ud800\ufffe]/g, '\ufffd');
    expect(e.attrs.a).toBe(expected);
    expect(e.text).toBe(expected);
  });
});

describe('JUnit report of the bundled sample', () => {
  it('is well-formed and its counts add up', async () => {
    const { out } = await junit();
    const root = parseXml(out);
    expect(root.name).toBe('testsuites');
    const suites = kids(root, 'testsuite');
    const sum = (k: string) => suites.reduce((n, s) => n + Number(s.attrs[k]), 0);
    for (const s of suites) {
      const tcs = kids(s, 'testcase');
      expect(Number(s.attrs.tests), s.attrs.name).toBe(tcs.length);
      expect(Number(s.attrs.failures)).toBe(tcs.filter((t) => kids(t, 'failure').length).length);
      expect(Number(s.attrs.errors)).toBe(tcs.filter((t) => kids(t, 'error').length).length);
      expect(Number(s.attrs.skipped)).toBe(tcs.filter((t) => kids(t, 'skipped').length).length);
      expect(s.attrs.time).toBe('0');
      for (const t of tcs) {
        expect(t.attrs.classname).toBeTruthy();
        expect(t.attrs.name).toBeTruthy();
        expect(t.children.length).toBeLessThanOrEqual(1);
      }
    }
    expect(Number(root.attrs.tests)).toBe(sum('tests'));
    expect(Number(root.attrs.failures)).toBe(sum('failures'));
    expect(Number(root.attrs.errors)).toBe(sum('errors'));
  });

  for (const lang of ['en', 'zh']) {
    it(`its one failure is the county failing --fail-on fail, listing the items not met, which pass with their gap (${lang})`, async () => {
      const { out, json, code } = await junit(['--lang', lang]);
      expect(code).toBe(1);
      const root = parseXml(out);
      const county = json[0]!;
      const notMet = county.items.filter(
        (i) => !i.bonus && ['partial', 'failed', 'missing', 'invalid'].includes(i.status),
      );
      expect(notMet.length).toBe(10);
      // Red: the gate the exit code comes from, and nothing else.
      expect(root.attrs).toMatchObject({ failures: '1', errors: '0' });
      const gate = cases(root).find((tc) => kids(tc, 'failure').length)!;
      expect(gate.attrs).toMatchObject({ classname: 'pinggu.140724.gate', name: '--fail-on fail' });
      const f = kids(gate, 'failure')[0]!;
      expect(f.attrs).toEqual({
        type: 'gate',
        message:
          lang === 'zh' ? '昔阳县 未通过：87.18 分，低于及格线 90 分' : '昔阳县 fails: 87.18 is below the pass line 90',
      });
      // Every item that lost points is named, most first.
      const lostLine = f.text.split('\n')[1]!;
      expect(
        lostLine.startsWith(lang === 'zh' ? '失分指标：奖励扶助金兑现率 −4' : 'points lost: 奖励扶助金兑现率 −4'),
      ).toBe(true);
      expect(lostLine.split(lang === 'zh' ? '、' : ', ')).toHaveLength(notMet.length);
      // One suite per section plus the vetoes, top-level units only: every county item, each once.
      expect(
        cases(root)
          .filter((tc) => !/\.(veto|gate)$/.test(tc.attrs.classname!))
          .map(idOf),
      ).toEqual(county.items.map((i) => i.id));
      expect(withChild(root, 'skipped')).toEqual(
        county.items.filter((i) => i.status === 'na' || (i.bonus && i.status !== 'met')).map((i) => i.id),
      );
      expect(withChild(root, 'error')).toEqual([]);
      // The items not met pass; their output gives the gap and the points lost, then the explanation.
      expect(withChild(root, 'system-out')).toEqual(notMet.map((i) => i.id));
      for (const tc of cases(root)) {
        const o = kids(tc, 'system-out')[0];
        if (!o) continue;
        const item = notMet.find((i) => i.id === idOf(tc))!;
        const [first, ...rest] = o.text.split('\n');
        expect(first).toMatch(lang === 'zh' ? /失 [\d.]+ 分（共 [\d.]+ 分）$/ : /[\d.]+ of [\d.]+ points? lost$/);
        expect(first).toContain(String(Math.round(item.lost * 100) / 100));
        expect(rest.join('\n').length).toBeGreaterThan(10);
      }
      const names = kids(root, 'testsuite').map((s) => s.attrs.name);
      expect(names[0]).toBe(lang === 'zh' ? '昔阳县 / 一票否决' : '昔阳县 / Vetoes');
      expect(names).toContain('昔阳县 / 综合管理');
    });
  }

  it('red tests agree with the exit code under every --fail-on', async () => {
    for (const [failOn, want] of [
      ['fail', 1],
      ['veto', 0],
      ['never', 0],
    ] as const) {
      const { out, code } = await junit(['--fail-on', failOn]);
      expect(code, failOn).toBe(want);
      const root = parseXml(out);
      expect(Number(root.attrs.failures) + Number(root.attrs.errors) > 0, failOn).toBe(code === 1);
      // The --fail-on fail test case is there only when that is the gate.
      expect(
        cases(root).some((tc) => tc.attrs.classname!.endsWith('.gate')),
        failOn,
      ).toBe(failOn === 'fail');
    }
  });

  it('errors in the data (exit 2) are an <error> per file whatever --fail-on, said once per file and period', async () => {
    const io = fakeIo();
    const code = await main(
      [
        'score',
        'tests/corpus/not-a-number.csv',
        '-s',
        'tests/corpus/scheme.yaml',
        '--format',
        'junit',
        '--fail-on',
        'never',
      ],
      io,
    );
    expect(code).toBe(2);
    const root = parseXml(io.out);
    expect(root.attrs).toMatchObject({ failures: '0', errors: '1' });
    const [data] = kids(root, 'testsuite');
    expect(data!.attrs.name).toBe('县 / Data errors');
    const tc = kids(data!, 'testcase')[0]!;
    expect(tc.attrs).toMatchObject({ classname: 'pinggu.县.data', name: 'tests/corpus/not-a-number.csv' });
    expect(kids(tc, 'error')[0]!.attrs).toEqual({
      type: 'data',
      message: '1 error in this file: the data cannot be assessed in full (exit 2)',
    });
    expect(kids(tc, 'error')[0]!.text).toBe(
      'tests/corpus/not-a-number.csv:2:4: error: 出生人数: "12.3.4" is not a number',
    );
    // The same file behind two assessments of one period: one test case; another period has its own.
    const a = assess(scheme(readFileSync(join(ROOT, 'tests/corpus/scheme.yaml'), 'utf8')), [
      'tests/corpus/not-a-number.csv',
      readFileSync(join(ROOT, 'tests/corpus/not-a-number.csv'), 'utf8'),
    ]);
    const many = parseXml(
      formatJunitMany(
        'T',
        [
          { a, prefix: '2026-09' },
          { a, prefix: '2026-09' },
          { a, prefix: '2026-10' },
        ],
        { lang: 'zh', failOn: 'never' },
      ),
    );
    expect(
      kids(many, 'testsuite')
        .filter((s) => /数据错误$/.test(s.attrs.name!))
        .map((s) => s.attrs.name),
    ).toEqual(['2026-09 / 县 / 数据错误', '2026-10 / 县 / 数据错误']);
  });

  it('carries the verdict as properties of the vetoes suite', async () => {
    const root = parseXml((await junit()).out);
    const props = Object.fromEntries(
      kids(kids(kids(root, 'testsuite')[0]!, 'properties')[0]!, 'property').map((p) => [p.attrs.name, p.attrs.value]),
    );
    expect(props).toMatchObject({ score: '87.180468', max: '100', pass: '90', passed: 'false' });
  });

  it('matches tests/golden/xiyang.junit.xml, and two runs give identical bytes', async () => {
    const file = join(ROOT, 'tests/golden/xiyang.junit.xml');
    const io = fakeIo();
    await main(['score', 'fixtures/xiyang', '--format', 'junit'], io);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, io.out);
    expect(io.out).toBe(readFileSync(file, 'utf8'));
    const again = fakeIo();
    await main(['score', 'fixtures/xiyang', '--format', 'junit'], again);
    expect(again.out).toBe(io.out);
    expect(io.out).not.toMatch(/timestamp|hostname/);
  });

  it('matches tests/golden/xiyang.zh.junit.xml in Chinese', async () => {
    const file = join(ROOT, 'tests/golden/xiyang.zh.junit.xml');
    const io = fakeIo();
    await main(['score', 'fixtures/xiyang', '--format', 'junit', '--lang', 'zh'], io);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, io.out);
    expect(io.out).toBe(readFileSync(file, 'utf8'));
  });

  it('is chosen by the .xml and .junit extensions of --output', async () => {
    for (const name of ['r.xml', 'r.junit']) {
      const io = fakeIo();
      await main(['score', 'fixtures/xiyang', '-o', name], io);
      const d = io.written.get(join(ROOT, name));
      expect(typeof d === 'string' && d.startsWith('<?xml')).toBe(true);
    }
  });
});

describe('JUnit vetoes, not-applicable items and hostile names', () => {
  /** A two-item scheme with three vetoes, on one township's data; the vetoes' outcomes are set by hand. */
  const s = scheme(`
id: t
title: T & <co>
version: 1
total: 10
pass: 6
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: num, label: 分子, type: count }
  - { id: den, label: 分母, type: count }
sections:
  - id: s
    title: S "one"
    points: 10
    items:
      - { id: x, title: X, points: 5, formula: "num / den", target: ">= 50%", rule: { type: all }, na: exclude }
      - { id: y, title: Y, points: 5, formula: "num", target: ">= 1", rule: { type: all } }
vetoes:
  - { id: v1, title: V1, when: "num >= 0 && den < 1" }
  - { id: v2, title: V2, when: "num > 0" }
  - { id: v3, title: V3, when: "den > 0" }
`);

  function hostile(
    a: Assessment,
    name: string,
    vetoes: VetoResult[],
    patch: (i: ItemResult) => ItemResult = (i) => i,
  ): Assessment {
    const top = a.units[0]!;
    const unit: UnitResult = { ...top, name, vetoes, items: top.items.map(patch) };
    return { ...a, units: [unit] };
  }
  const veto = (id: string, triggered: boolean, checked: boolean): VetoResult => ({
    id,
    title: `${id} <title>`,
    triggered,
    checked,
    reason: checked ? undefined : msg('field 分子 is blank', '分子为空'),
    value: triggered ? R(1) : undefined,
  });

  it('with --fail-on veto, a triggered veto and an unchecked veto are errors; a checked one passes; n/a is skipped; names are escaped', () => {
    const a = assess(s, ['t.csv', '乡镇,分子,分母\nA,0,0\n']);
    const evil = '=HYPERLINK("http://x","y") & <b>\u0001';
    const out = formatJunit(
      hostile(a, evil, [veto('v1', true, true), veto('v2', false, false), veto('v3', false, true)]),
      { lang: 'en', failOn: 'veto' },
    );
    const root = parseXml(out);
    expect(root.attrs.name).toBe('pinggu: T & <co>');
    const [vetoes, items] = kids(root, 'testsuite');
    expect(vetoes!.attrs.name).toBe(`${evil.replace('\u0001', '\ufffd')} / Vetoes`);
    expect(items!.attrs.name).toBe(`${evil.replace('\u0001', '\ufffd')} / S "one"`);
    expect(vetoes!.attrs).toMatchObject({ tests: '3', errors: '2', failures: '0' });
    const [v1, v2, v3] = kids(vetoes!, 'testcase');
    expect(kids(v1!, 'error')[0]!.attrs).toEqual({
      message: 'veto triggered: 分子 >= 0 and 分母 < 1 (here 0 >= 0 and 0 < 1)',
      type: 'veto',
    });
    expect(kids(v2!, 'error')[0]!.attrs).toEqual({
      message: 'veto cannot be checked, so not ruled out: field 分子 is blank',
      type: 'veto-unchecked',
    });
    expect(v3!.children).toEqual([]);
    // x: 0/0 is not applicable (skipped); y: 0 < 1 failed, which fails no gate: it passes, with why in its output.
    const [x, y] = kids(items!, 'testcase');
    expect(kids(x!, 'skipped')[0]!.attrs.message).toBe('n/a');
    expect(kids(y!, 'system-out')[0]!.text.split('\n')[0]).toBe('failed: gap 1, 5 of 5 points lost');
    expect(items!.attrs).toMatchObject({ tests: '2', failures: '0', skipped: '1', errors: '0' });
    expect(root.attrs).toMatchObject({ tests: '5', failures: '0', errors: '2' });
  });

  it('with --fail-on fail (the default) the unit fails one test case naming the vetoes; with never nothing is red', () => {
    const a = assess(s, ['t.csv', '乡镇,分子,分母\nA,0,0\n']);
    const vetoed = (u: Assessment) => ({ ...u, units: [{ ...u.units[0]!, passed: false }] });
    const fail = parseXml(
      formatJunit(vetoed(hostile(a, 'A', [veto('v1', true, true), veto('v2', false, false)])), { lang: 'en' }),
    );
    const [gate, v1] = kids(kids(fail, 'testsuite')[0]!, 'testcase');
    expect(gate!.attrs).toMatchObject({ name: '--fail-on fail', classname: 'pinggu.县.gate' });
    expect(kids(gate!, 'failure')[0]!.attrs.message).toBe(
      'A fails: veto v1 <title>, v2 <title> (triggered, or cannot be ruled out)',
    );
    expect(kids(gate!, 'failure')[0]!.text).toMatch(/\npoints lost: Y −5$/);
    expect(kids(v1!, 'error')).toHaveLength(1);
    const never = parseXml(
      formatJunit(vetoed(hostile(a, 'A', [veto('v1', true, true), veto('v2', false, false)])), {
        lang: 'en',
        failOn: 'never',
      }),
    );
    expect(never.attrs).toMatchObject({ failures: '0', errors: '0' });
    const [n1, n2] = kids(kids(never, 'testsuite')[0]!, 'testcase');
    expect(kids(n1!, 'system-out')[0]!.text).toMatch(/^veto triggered: /);
    expect(kids(n2!, 'system-out')[0]!.text).toMatch(/^veto cannot be checked/);
  });

  it('in Chinese too', () => {
    const a = assess(s, ['t.csv', '乡镇,分子,分母\nA,0,0\n']);
    const root = parseXml(
      formatJunit(hostile(a, '乙镇', [veto('v1', true, true), veto('v2', false, false)]), {
        lang: 'zh',
        failOn: 'veto',
      }),
    );
    const [vetoes, items] = kids(root, 'testsuite');
    expect(vetoes!.attrs.name).toBe('乙镇 / 一票否决');
    expect(kids(kids(vetoes!, 'testcase')[0]!, 'error')[0]!.attrs.message).toBe(
      '触发一票否决：分子 >= 0 and 分母 < 1（实际 0 >= 0 and 0 < 1）',
    );
    expect(kids(kids(vetoes!, 'testcase')[1]!, 'error')[0]!.attrs.message).toBe('无法核查一票否决，不能排除：分子为空');
    expect(kids(kids(items!, 'testcase')[1]!, 'system-out')[0]!.text.split('\n')[0]).toBe(
      '未达标：差距 1，失 5 分（共 5 分）',
    );
  });
});
