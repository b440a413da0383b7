/**
 * The scheme loader's findings as a scheme author sees them: one line each, with
 * file:line:col, in English and Chinese. Each block is one reviewed bug; the
 * expected lines are exact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme, loadSchemeBytes } from '../../src/scheme/load';

const root = join(__dirname, '..', '..');
const en = (text: string, file = 'x.yaml') => loadScheme(text, file).diagnostics.map((d) => formatDiagnostic(d, 'en'));
const zh = (text: string, file = 'x.yaml') => loadScheme(text, file).diagnostics.map((d) => formatDiagnostic(d, 'zh'));

/** A valid scheme up to its first section's items (line 19 is the first item). */
const BASE = `id: t
title: T
version: 1
total: 10
pass: 9
units:
  - { id: township, title: 乡镇, name: [乡镇] }
fields:
  - { id: a, label: A, type: count }
  - { id: b, label: B, type: count }
  - { id: ok, label: OK, type: boolean }
params:
  - { id: line, value: 90% }
sections:
  - id: s
    title: S
    points: 10
    items:
`;
/** One item on one line, with some keys replaced. */
const item = (over: Record<string, string> = {}) => {
  const keys = {
    id: 'i',
    title: 'I',
    points: '10',
    formula: 'a / b',
    target: '">= 90%"',
    rule: '{ type: all }',
    ...over,
  };
  return `      - { ${Object.entries(keys)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }\n`;
};
const ITEM = item();

it('the base scheme of these tests loads without a finding', () => {
  const r = loadScheme(BASE + ITEM, 'x.yaml');
  expect(r.diagnostics).toEqual([]);
  expect(r.scheme?.items[0]?.path).toEqual(['sections', 0, 'items', 0]);
});

describe('1. a value of the wrong type is not a missing key: it is named at the value', () => {
  it('points: ten', () => {
    const text = BASE + item({ points: 'ten' });
    expect(en(text)).toEqual(['x.yaml:19:36: error: expected a number here, not "ten" (sections[0].items[0].points)']);
    expect(zh(text)).toEqual(['x.yaml:19:36: 错误: 此处应为数字，而不是“ten” (sections[0].items[0].points)']);
  });
  it('total: "abc" and id: 2008', () => {
    const text = BASE.replace('total: 10', 'total: "abc"').replace('id: t\n', 'id: 2008\n') + ITEM;
    expect(en(text)).toEqual([
      'x.yaml:1:5: error: expected text here, not the number 2008 (id)',
      'x.yaml:4:8: error: expected a number here, not "abc" (total)',
    ]);
    expect(zh(text)).toEqual([
      'x.yaml:1:5: 错误: 此处应为文本，而不是数字 2008 (id)',
      'x.yaml:4:8: 错误: 此处应为数字，而不是“abc” (total)',
    ]);
  });
  it('an empty value, a number where text belongs, quoted and full-width numbers get a hint', () => {
    const text =
      `${BASE}      - id: i\n        title: 2019\n        points:\n        formula: a / b\n        target: ">= 90%"\n        rule: all\n${item({ id: 'j', points: '"10"' })}${item({ id: 'k', points: '１０' })}`
        .replace('total: 10', 'total: 30')
        .replace('points: 10\n    items', 'points: 30\n    items');
    expect(en(text)).toEqual([
      'x.yaml:20:16: error: expected text here, not the number 2019 (put it in quotes: "2019") (sections[0].items[0].title)',
      'x.yaml:21:16: error: expected a number here, not an empty value (sections[0].items[0].points)',
      'x.yaml:24:15: error: expected a mapping (key: value) here, not "all" (write rule: { type: all }) (sections[0].items[0].rule)',
      'x.yaml:25:36: error: expected a number here, not "10" (remove the quotes) (sections[0].items[1].points)',
      'x.yaml:26:36: error: expected a number here, not "１０" (full-width characters: write 10) (sections[0].items[2].points)',
    ]);
  });
  it('an empty file, a comment-only file, plain text and a list: a scheme must be a YAML mapping, at 1:1', () => {
    const want = 'a scheme must be a YAML mapping with id, title, version, total, pass, units, fields and sections';
    expect(en('')).toEqual([`x.yaml:1:1: error: the file is empty; ${want}`]);
    expect(en('# nothing yet\n')).toEqual([`x.yaml:1:1: error: the file holds no data (only comments); ${want}`]);
    expect(en('pinggu scheme\n')).toEqual([`x.yaml:1:1: error: the file is plain text, not a mapping; ${want}`]);
    expect(en('- id: t\n- title: T\n')).toEqual([
      `x.yaml:1:1: error: the file is a list (lines starting with "-"); ${want}`,
    ]);
    expect(zh('')).toEqual([
      'x.yaml:1:1: 错误: 文件是空的；评估方案必须是 YAML 映射（键: 值），包含 id、title、version、total、pass、units、fields、sections 等键',
    ]);
    expect(en('id：t\ntitle：T\n')).toEqual([
      `x.yaml:1:1: error: the file is plain text: a key needs an ASCII colon and a space (key: value), not "："; ${want}`,
    ]);
  });
});

describe('2. missing keys, unions and formats say what is expected', () => {
  it('a misspelt required key is missing, and the misspelling is an unknown key', () => {
    const text = BASE + item({ rule: '{ type: deduct, deduct: 1, per: 1%, partal: up }' });
    expect(en(text)).toEqual([
      'x.yaml:19:80: error: missing key "partial" (expected: one of proportional, up, down) (sections[0].items[0].rule.partial)',
      'x.yaml:19:116: error: unknown key "partal"; did you mean "partial"? (sections[0].items[0].rule)',
    ]);
    expect(zh(text)).toEqual([
      'x.yaml:19:80: 错误: 缺少键“partial”（应为 proportional、up、down 之一） (sections[0].items[0].rule.partial)',
      'x.yaml:19:116: 错误: 未知的键“partal”；是否应为“partial”？ (sections[0].items[0].rule)',
    ]);
  });
  it('a misspelt rule type key', () => {
    expect(en(BASE + item({ rule: '{ typ: all }' }))).toEqual([
      'x.yaml:19:80: error: missing key "type" (expected: one of all, deduct, per_case, checklist, proportional, bands, add, formula) (sections[0].items[0].rule.type)',
      'x.yaml:19:82: error: unknown key "typ"; did you mean "type"? (sections[0].items[0].rule)',
    ]);
  });
  it('version: [1]', () => {
    const text = BASE.replace('version: 1', 'version: [1]') + ITEM;
    expect(en(text)).toEqual(['x.yaml:3:10: error: expected text or a number here, not a list (version)']);
    expect(zh(text)).toEqual(['x.yaml:3:10: 错误: 此处应为文本或数字，而不是列表 (version)']);
  });
  it('the formats of schema.ts (identifier, number with % or ‰, scheme id) in both languages', () => {
    const text =
      BASE.replace('id: t\n', 'id: "2008"\n')
        .replace('pass: 9', 'pass: ten')
        .replace('{ id: b, label', '{ id: 出生, label') + item({ formula: 'a' });
    expect(en(text)).toEqual([
      'x.yaml:1:5: error: expected a scheme id (letters, digits, _ . -, starting with a letter) here, not "2008" (id)',
      'x.yaml:5:7: error: expected a number, optionally with % or ‰ (such as 90 or "95%") here, not "ten" (pass)',
      'x.yaml:10:11: error: expected an identifier (letters, digits and _, starting with a letter) here, not "出生" (fields[1].id)',
    ]);
    expect(zh(text)).toEqual([
      'x.yaml:1:5: 错误: 此处应为方案 id（字母、数字、_ . -，以字母开头），而不是“2008” (id)',
      'x.yaml:5:7: 错误: 此处应为数字，可带 % 或 ‰（如 90 或 "95%"），而不是“ten” (pass)',
      'x.yaml:10:11: 错误: 此处应为标识符（字母、数字和 _，以字母开头），而不是“出生” (fields[1].id)',
    ]);
  });
});

describe('3. one run reports every finding', () => {
  it('a misspelt points, broken formulas, unknown fields, a wrong value and wrong sums together', () => {
    const file = 'tests/fixtures/schemes/many.yaml';
    const r = loadScheme(readFileSync(join(root, file), 'utf8'), file);
    expect(r.scheme).toBeUndefined();
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      `${file}:5:8: error: total is 100 but the sections add up to 110 (total)`,
      `${file}:13:41: error: formula does not parse: Unclosed ( (checks[0].assert)`,
      `${file}:14:42: error: unknown field or param "birth" (checks[1].assert)`,
      `${file}:20:9: error: missing key "points" (expected: a number) (sections[0].items[0].points)`,
      `${file}:22:9: error: unknown key "pionts"; did you mean "points"? (sections[0].items[0])`,
      `${file}:29:27: error: unknown field or param "populaton" (sections[0].items[1].formula)`,
      `${file}:39:24: error: formula does not parse: Expected ) (sections[1].items[0].formula)`,
      `${file}:41:15: error: missing key "partial" (expected: one of proportional, up, down) (sections[1].items[0].rule.partial)`,
      `${file}:41:51: error: unknown key "partal"; did you mean "partial"? (sections[1].items[0].rule)`,
      `${file}:44:17: error: expected a number here, not "ten" (sections[1].items[1].points)`,
      `${file}:50:13: error: section "s3" is worth 10 points but its children add up to 5 (sections[2].points)`,
    ]);
  });
  it('a duplicate key does not stop the other checks', () => {
    const text = BASE.replace('title: T\n', 'title: T\ntitle: U\n') + item({ formula: 'a / zz' });
    expect(en(text)).toEqual([
      'x.yaml:3:1: error: duplicate key "title": each key may appear once per mapping',
      'x.yaml:20:53: error: unknown field or param "zz" (sections[0].items[0].formula)',
    ]);
  });
  it('a key of the scheme in the wrong place', () => {
    const text = BASE.replace('    title: S\n', '    title: S\n    rollup: mean\n') + ITEM;
    expect(en(text)).toEqual(['x.yaml:17:5: error: key "rollup" does not belong here (sections[0])']);
    expect(zh(text)).toEqual(['x.yaml:17:5: 错误: 此处不应有键“rollup” (sections[0])']);
  });
  it('a field whose type the schema rejected does not make its items look wrong too', () => {
    // Two levels, so that a field that is not summable would need a roll-up.
    const text =
      BASE.replace('name: [乡镇] }\n', 'name: [乡镇] }\n  - { id: county, title: 县, name: [县] }\n').replace(
        '{ id: a, label: A, type: count }',
        '{ id: a, label: A, type: counts }',
      ) + ITEM;
    expect(en(text)).toEqual([
      'x.yaml:10:30: error: expected one of count, number, money, percent, boolean, text, score here, not "counts" (fields[0].type)',
    ]);
  });
  it('a value the schema rejected is not reported again by the semantic checks', () => {
    // total "abc": no "pass line above the total 0"; formula 5: no "formula does not parse".
    expect(en(BASE.replace('total: 10', 'total: "abc"') + item({ formula: '5' }))).toEqual([
      'x.yaml:4:8: error: expected a number here, not "abc" (total)',
      'x.yaml:19:49: error: expected text here, not the number 5 (put it in quotes: "5") (sections[0].items[0].formula)',
    ]);
  });
});

describe('4. YAML syntax: the first error, in words, with the number of the others', () => {
  it('a tab in the indentation', () => {
    const text = `${BASE}      - id: i\n        title: I\n\tpoints: 10\n        formula: a\n`;
    expect(en(text)).toEqual([
      'x.yaml:21:1: error: YAML syntax: a tab is used for indentation; indent with spaces, not tabs (2 more YAML errors, usually caused by this one)',
    ]);
    expect(zh(text)).toEqual([
      'x.yaml:21:1: 错误: YAML 语法错误：缩进中有制表符（Tab）；请用空格缩进，不要用 Tab（另有 2 处 YAML 错误，通常由此处引起）',
    ]);
  });
  it('a tab leads even when the parser complained first about the line above', () => {
    const out = en('id: x\nsections:\n  - id: s\n    items:\n\t  - id: i\n\t    title: x\n');
    expect(out).toEqual([
      'x.yaml:5:1: error: YAML syntax: a tab is used for indentation; indent with spaces, not tabs (4 more YAML errors, usually caused by this one)',
    ]);
  });
  it('target: >= 95% (a value starting with >)', () => {
    const text = `${BASE}      - id: i\n        title: I\n        points: 10\n        formula: a / b\n        target: >= 95%\n        rule: { type: all }\n`;
    expect(en(text)).toEqual([
      'x.yaml:23:17: error: YAML syntax: ">" at the start of a value has a special meaning in YAML; quote it: target: ">= 95%" (1 more YAML error, usually caused by this one)',
    ]);
    expect(zh(text)).toEqual([
      'x.yaml:23:17: 错误: YAML 语法错误：值开头的“>”在 YAML 中有特殊含义；请加引号：target: ">= 95%"（另有 1 处 YAML 错误，通常由此处引起）',
    ]);
  });
  it('an unclosed quote, at the opening quote', () => {
    expect(en(`${BASE}      - id: i\n        title: "I\n        points: 10\n`)).toEqual([
      'x.yaml:20:16: error: YAML syntax: a quoted value is not closed; add the closing "',
    ]);
  });
  it('an unclosed {, at the brace', () => {
    expect(en(`${BASE}      - { id: i, title: I, points: 10\n      - { id: j }\n`)).toEqual([
      'x.yaml:19:9: error: YAML syntax: this "{" is not closed; end it with "}"',
    ]);
  });
  it('a full-width colon, a colon without a space, ": " inside a value', () => {
    expect(en(`${BASE}      - id: i\n        title：I\n`)).toEqual([
      'x.yaml:20:14: error: YAML syntax: "：" is a full-width colon; write an ASCII colon and a space: title: I',
    ]);
    expect(en('id: x\ntitle:T\npoints: 1\n')).toEqual([
      'x.yaml:2:6: error: YAML syntax: a colon must be followed by a space: title: T',
    ]);
    expect(en('id: x\ntitle: 说明: 见文件\n')).toEqual([
      'x.yaml:2:8: error: YAML syntax: ": " inside a value has a special meaning in YAML; quote it: title: "说明: 见文件"',
    ]);
  });
  it("a bad indentation, at the line's first character", () => {
    expect(en('id: x\ntitle: T\nunits:\n  - id: township\n    title: 乡镇\n   name: [乡镇]\n')).toEqual([
      'x.yaml:6:4: error: YAML syntax: the indentation of this line does not match the lines above; keys of one mapping start in the same column',
    ]);
  });
  it('findings come sorted by position: a duplicate key before the syntax error is kept', () => {
    const text = `${BASE.replace('title: T\n', 'title: T\ntitle: U\n')}      - id: i\n        title: "I\n`;
    expect(en(text)).toEqual([
      'x.yaml:3:1: error: duplicate key "title": each key may appear once per mapping',
      'x.yaml:21:16: error: YAML syntax: a quoted value is not closed; add the closing "',
    ]);
  });
});

describe('5. aliases: no internal error', () => {
  it('an alias without its anchor, at the alias', () => {
    const text = BASE.replace('title: T\n', 'title: *nope\n') + ITEM;
    expect(en(text)).toEqual([
      'x.yaml:2:8: error: YAML: alias *nope has no anchor &nope before it; define the anchor first, or write the value out',
    ]);
    expect(zh(text)).toEqual([
      'x.yaml:2:8: 错误: YAML 错误：别名 *nope 之前没有定义锚点 &nope；请先定义锚点，或直接写出取值',
    ]);
  });
  it('an alias bomb, at the first alias', () => {
    const bomb =
      'x1: &a [x, x, x, x, x, x, x, x, x, x]\nx2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx3: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    expect(en(BASE + bomb)).toEqual([
      'x.yaml:20:9: error: YAML: the aliases (*name) expand to far too much data; write the values out instead',
    ]);
  });
});

describe('6. the scheme file must be UTF-8', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it('GBK bytes are one error, at the first byte that is not UTF-8', () => {
    const gbk = new Uint8Array([...utf8('id: t\ntitle: '), 0xb3, 0xf6, 0xc9, 0xfa, 0x0a]);
    const r = loadSchemeBytes(gbk, 'x.yaml');
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'x.yaml:2:8: error: the scheme file is not UTF-8 text; save it as UTF-8',
    ]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'zh'))).toEqual([
      'x.yaml:2:8: 错误: 方案文件不是 UTF-8 文本；请另存为 UTF-8 编码',
    ]);
  });
  it('UTF-16 (Notepad "Unicode") is not UTF-8 either', () => {
    expect(
      loadSchemeBytes(new Uint8Array([0xff, 0xfe, 0x69, 0x00]), 'x.yaml').diagnostics.map((d) =>
        formatDiagnostic(d, 'en'),
      ),
    ).toEqual(['x.yaml:1:1: error: the scheme file is not UTF-8 text; save it as UTF-8']);
  });
  it('a UTF-8 BOM is dropped: positions on line 1 are as written', () => {
    const r = loadSchemeBytes(utf8(`\ufeff${BASE}${ITEM}`), 'x.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.scheme?.id).toBe('t');
    const bad = loadSchemeBytes(utf8(`\ufeff${BASE.replace('id: t\n', 'id: 2008\n')}${ITEM}`), 'x.yaml');
    expect(bad.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'x.yaml:1:5: error: expected text here, not the number 2008 (id)',
    ]);
  });
});

describe('7. formula messages: Chinese for the parser, the unclosed bracket, full-width characters', () => {
  it('Unclosed ( points at the ( left open', () => {
    const text = BASE + item({ formula: '"round((a + b) / (a, 2"' });
    expect(en(text)).toEqual([
      'x.yaml:19:66: error: formula does not parse: Unclosed ( (sections[0].items[0].formula)',
    ]);
    expect(zh(text)).toEqual([
      'x.yaml:19:66: 错误: 公式无法解析：左括号“(”没有对应的右括号“)” (sections[0].items[0].formula)',
    ]);
  });
  it('Expected expression after +', () => {
    expect(zh(BASE + item({ formula: '"a +"' }))).toEqual([
      'x.yaml:19:53: 错误: 公式无法解析：“+”后面缺少运算对象 (sections[0].items[0].formula)',
    ]);
  });
  it('a target that does not parse has its message in Chinese too', () => {
    expect(zh(BASE + item({ target: '">= (a"' }))).toEqual([
      'x.yaml:19:68: 错误: 目标无法解析：左括号“(”没有对应的右括号“)” (sections[0].items[0].target)',
    ]);
  });
  it('full-width ＞＝　９５％ and （ ） are read as >= 95% and ( )', () => {
    const r = loadScheme(BASE + item({ formula: '"（a + b） / b"', target: '"＞＝　９５％"' }), 'x.yaml');
    expect(r.diagnostics).toEqual([]);
    const t = r.scheme!.items[0]!.target!;
    expect(t.kind === 'cmp' && [t.op, t.rhs.source]).toEqual(['>=', '95%']);
    expect(r.scheme!.items[0]!.formula.refs).toEqual(['a', 'b']);
  });
  it('a full-width name that is unknown is still found at its place', () => {
    expect(en(BASE + item({ formula: '"（a + ｚｚ）"' }))).toEqual([
      'x.yaml:19:55: error: unknown field or param "zz" (sections[0].items[0].formula)',
    ]);
  });
});

describe('8. positions', () => {
  it('checks and vetoes after one that does not parse are named by their own place', () => {
    const text = `${BASE}${ITEM}checks:\n  - { id: c1, title: C1, assert: "a >= (" }\n  - { id: c2, title: C2, assert: a + b }\nvetoes:\n  - { id: v1, title: V1, when: "a >= (" }\n  - { id: v2, title: V2, when: a - b }\n`;
    expect(en(text)).toEqual([
      'x.yaml:21:40: error: formula does not parse: Unclosed ( (checks[0].assert)',
      'x.yaml:22:34: error: a check must be a yes/no condition (a comparison), not a number (checks[1].assert)',
      'x.yaml:24:38: error: target does not parse: Unclosed ( (vetoes[0].when)',
      'x.yaml:25:32: error: a veto condition must be a yes/no condition (a comparison), not a number (vetoes[1].when)',
    ]);
  });
  it('an item whose id repeats is checked as itself, not as the first of that id', () => {
    const text =
      BASE.replace('total: 10', 'total: 20').replace('points: 10\n    items', 'points: 20\n    items') +
      item({ id: 'k' }) +
      item({ id: 'k', formula: 'a / zz' });
    expect(en(text)).toEqual([
      'x.yaml:20:15: error: duplicate id "k" (first used on line 19) (sections[0].items[1].id)',
      'x.yaml:20:53: error: unknown field or param "zz" (sections[0].items[1].formula)',
    ]);
  });
  it('inside a formula written over two lines', () => {
    const text = `${BASE}      - id: i\n        title: I\n        points: 10\n        formula: a / b +\n          zz\n        target: ">= 90%"\n        rule: { type: all }\n`;
    expect(en(text)).toEqual(['x.yaml:23:11: error: unknown field or param "zz" (sections[0].items[0].formula)']);
  });
  it('inside a block scalar', () => {
    const text = `${BASE}      - id: i\n        title: I\n        points: 10\n        formula: |\n          a / b\n            + zz\n        target: ">= 90%"\n        rule: { type: all }\n`;
    expect(en(text)).toEqual(['x.yaml:24:15: error: unknown field or param "zz" (sections[0].items[0].formula)']);
  });
  it("a double-quoted value with escapes: the value's start", () => {
    const text = `${BASE}      - id: i\n        title: I\n        points: 10\n        formula: "a / \\"b\\" + zz"\n        target: ">= 90%"\n        rule: { type: all }\n`;
    expect(en(text)).toEqual([
      'x.yaml:22:18: error: formula does not parse: only numbers are allowed here, not "b" (sections[0].items[0].formula)',
    ]);
  });
  it('a numeric key is found at its place', () => {
    expect(en(`${BASE}${ITEM}2008: x\n`)).toEqual(['x.yaml:20:1: error: unknown key "2008"']);
  });
});

describe('9. lint rules', () => {
  it('(a) a yes/no formula against a number', () => {
    expect(en(BASE + item({ formula: 'ok', target: '">= 95%"', rollup: 'min' }))).toEqual([
      'x.yaml:19:61: error: item "i": the formula gives yes/no but ">= 95%" compares it with a number; write the target as "== true", or make the formula a number (sections[0].items[0].target)',
    ]);
    expect(zh(BASE + item({ formula: 'ok', target: '">= 95%"', rollup: 'min' }))).toEqual([
      'x.yaml:19:61: 错误: 指标“i”：公式的结果是“是/否”，而“>= 95%”把它与数值比较；请把目标写成“== true”，或让公式得出数值 (sections[0].items[0].target)',
    ]);
  });
  it('(a) a number against yes/no', () => {
    expect(en(BASE + item({ target: '"== true"' }))).toEqual([
      'x.yaml:19:64: error: item "i": the formula gives a number but "== true" compares it with yes/no; compare it with a number, e.g. ">= 95%" (sections[0].items[0].target)',
    ]);
  });
  it('(b) proportional needs a positive constant or a param as its threshold', () => {
    expect(en(BASE + item({ target: '">= b"', rule: '{ type: proportional }' }))).toEqual([
      'x.yaml:19:64: error: item "i": rule proportional divides by the target, so ">= b" must compare with a fixed number above 0 or a param (sections[0].items[0].target)',
    ]);
    expect(en(BASE + item({ target: '">= 0"', rule: '{ type: proportional }' }))).toEqual([
      'x.yaml:19:64: error: item "i": rule proportional divides by the target, so it must be above 0 (not ">= 0") (sections[0].items[0].target)',
    ]);
    expect(en(BASE + item({ target: '">= line"', rule: '{ type: proportional }' }))).toEqual([]);
  });
  it('(c) a band worth more than its item', () => {
    expect(
      en(BASE + item({ rule: '{ type: bands, bands: [{ when: ">= 90%", points: 12 }, { points: 5 }] }' })),
    ).toEqual([
      'x.yaml:19:129: error: item "i": this band gives 12 points, more than the item\'s 10 (sections[0].items[0].rule.bands[0].points)',
    ]);
  });
  it('(d) rollup mean/min/max with a yes/no formula as target', () => {
    expect(en(BASE + item({ formula: 'ok', target: 'a > b', rollup: 'max' }))).toEqual([
      'x.yaml:19:61: error: item "i" has rollup: max, which combines the item\'s values, but its target is a yes/no formula that does not look at the value; compare the value instead, e.g. ">= 95%" (sections[0].items[0].target)',
    ]);
  });
  it('(e) round(x, d) with d outside 0..12, at that round', () => {
    expect(en(BASE + item({ formula: '"round(a / b, 2) + round(a / b, 13)"' }))).toEqual([
      'x.yaml:19:68: error: round(x, d) keeps d decimal places: d must be a whole number from 0 to 12 (not 13) (sections[0].items[0].formula)',
    ]);
    expect(zh(BASE + item({ formula: '"round(a, -1)"' }))).toEqual([
      'x.yaml:19:50: 错误: round(x, d) 保留 d 位小数：d 必须是 0 到 12 的整数（而不是 -1） (sections[0].items[0].formula)',
    ]);
  });
});

describe('10. not a scheme', () => {
  it('the JSON Schema given as the scheme', () => {
    const file = 'criteria/scheme.schema.json';
    const r = loadScheme(readFileSync(join(root, file), 'utf8'), file);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      `${file}:1:1: error: not a pinggu scheme: this is a JSON Schema (editors use it to check schemes); give the scheme .yaml file`,
    ]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'zh'))).toEqual([
      `${file}:1:1: 错误: 不是 pinggu 评估方案：这是 JSON Schema（编辑器用它校验方案）；请指定方案的 .yaml 文件`,
    ]);
  });
  it('a mapping with none of the scheme keys', () => {
    expect(en('name: 某县\nyear: 2024\n')).toEqual([
      'x.yaml:1:1: error: not a pinggu scheme: it has no id, units, fields or sections; a scheme must be a YAML mapping with id, title, version, total, pass, units, fields and sections',
    ]);
  });
});
