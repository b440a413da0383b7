/**
 * The Markdown report: escaping of scheme and data text, the order of its parts, and
 * the bundled sample as reviewed golden files (tests/golden/xiyang.{zh,en}.md, read by
 * hand). Regenerate with UPDATE_GOLDEN=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Assessment } from '../../src/engine/types';
import { formatMarkdown } from '../../src/report/single/markdown';
import { cell, inline } from '../../src/report/shared/markdown-text';
import { fakeIo, ROOT } from '../cli/fake-io';
import { assess, cityScheme, scheme } from '../support';

const SCHEME = scheme(`
id: m
title: T<i>tle
version: 1
issuer: A & B
total: 10
pass: 9
grades: [{ name: 好, min: 9 }, { name: 差, min: 0 }]
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: num, label: 分子, type: count }
  - { id: den, label: 分母, type: count }
  - { id: bad, label: 违规, type: count, scope: county }
sections:
  - id: s
    title: "S | <b>"
    points: 10
    items:
      - id: x
        title: "X*1* [y](http://e)"
        points: 10
        formula: num / den
        target: ">= 90%"
        rule: { type: deduct, deduct: 1, per: 1%, partial: proportional }
        lever: num
vetoes:
  - { id: v1, title: 违规, when: bad > 0 }
`);

function sample(): Assessment {
  return assess(
    SCHEME,
    ['c.csv', '县,违规\nC,0\n'],
    ['t.csv', '县,乡镇,分子,分母\nC,a|b<script>alert(1)</script>,80,100\nC,"two\nlines",95,100\n'],
  );
}

/** What is left after removing our own tags: no `<` may remain. */
const foreignTags = (md: string) => md.replace(/<\/?(details|summary|br)>/g, '').match(/<[^\n]*/g) ?? [];

describe('escaping', () => {
  it('breaks bare URLs so GitHub does not turn data into links', () => {
    expect(inline('www.evil.com http://e.vil/x')).toBe('www&#46;evil.com http&#58;//e.vil/x');
  });

  it('makes table cells and inline text inert', () => {
    expect(cell('a|b<script>')).toBe('a\\|b&lt;script&gt;');
    expect(cell('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
    expect(inline('one\ntwo')).toBe('one two');
    expect(inline('[x](http://e) *b* _i_ `c` ~s~ # $m$ &amp; \\')).toBe(
      '\\[x\\](http&#58;//e) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\# \\$m\\$ &amp;amp; \\\\',
    );
  });

  it('a township named a|b<script> stays inert: no raw HTML but ours, no extra table column', () => {
    for (const lang of ['zh', 'en'] as const) {
      const md = formatMarkdown(sample(), { lang, sort: 'lost' });
      expect(md).not.toContain('<script');
      expect(md).not.toContain('<i>');
      expect(md).not.toContain('<b>');
      expect(foreignTags(md)).toEqual([]);
      expect(md).toContain('a\\|b&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(md).toContain('A &amp; B');
      expect(md).toContain('X\\*1\\* \\[y\\](http&#58;//e)');
      // Every row of a table has as many unescaped pipes as its header.
      const lines = md.split('\n');
      for (let k = 0; k < lines.length; k++) {
        if (!lines[k]!.startsWith('| ') || !lines[k + 1]?.startsWith('| ---')) continue;
        const cols = (l: string) => l.replace(/\\\|/g, '').split('|').length;
        for (let r = k; r < lines.length && lines[r]!.startsWith('|'); r++)
          expect(cols(lines[r]!), lines[r]).toBe(cols(lines[k]!));
      }
      // A line break inside a name stays inside its cell.
      expect(md).toContain('| two<br>lines |');
    }
  });
});

describe('structure', () => {
  it('title, unit, verdict before vetoes before items, then action list, ranking, data', () => {
    const md = formatMarkdown(sample(), { lang: 'en', sort: 'lost' });
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# T&lt;i&gt;tle 1',
      '## C',
      '### Items',
      '#### S \\| &lt;b&gt; · 7.5 / 10',
      '### What it takes',
      '#### By 乡镇',
      '### Ranking: 乡镇',
      '## Data',
    ]);
    const at = (s: string) => {
      const i = md.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at('Score **7.5** / 10')).toBeLessThan(at('**Vetoes**: none triggered (all 1 checked)'));
    expect(at('**FAIL**')).toBeLessThan(at('### Items'));
    expect(at('**Vetoes**: ')).toBeLessThan(at('### Items'));
    expect(at('<details><summary>How each item was scored</summary>')).toBeGreaterThan(at('#### S'));
    expect(at('</details>')).toBeLessThan(at('### What it takes'));
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  });

  it('names triggered and unchecked vetoes with their condition, value and reason', () => {
    const hit = formatMarkdown(
      assess(SCHEME, ['c.csv', '县,违规\nC,2\n'], ['t.csv', '县,乡镇,分子,分母\nC,a,80,100\n']),
      { lang: 'en', sort: 'lost' },
    );
    expect(hit).toContain('**Vetoes**: **1 TRIGGERED**');
    expect(hit).toContain('- ✗ 违规: 违规 2 &gt; 0');
    const unknown = formatMarkdown(
      assess(SCHEME, ['c.csv', '县,违规\nC,\n'], ['t.csv', '县,乡镇,分子,分母\nC,a,80,100\n']),
      { lang: 'zh', sort: 'lost' },
    );
    expect(unknown).toContain('**一票否决**：**1 项无法检查（不能判定通过）**');
    expect(unknown).toMatch(/- \? 违规：.+/);
  });

  it('lists the action items by points recoverable', () => {
    const md = formatMarkdown(sample(), { lang: 'en', sort: 'lost' });
    const list = md.slice(md.indexOf('#### By 乡镇'), md.indexOf('### Ranking'));
    expect(list).toContain(
      '1. **a\\|b&lt;script&gt;alert(1)&lt;/script&gt;** · X\\*1\\* \\[y\\](http&#58;//e) — 分子: 10 more, recovers 10 points',
    );
  });
});

describe('three levels', () => {
  const CITY = cityScheme();
  it('ranks the counties in the city, then reports each county with its townships', () => {
    const a = assess(CITY, [
      't.csv',
      '市,县,乡镇,出生数,政策内\n晋中市,甲县,a,100,90\n晋中市,甲县,b,100,100\n晋中市,乙县,c,200,196\n',
    ]);
    const md = formatMarkdown(a, { lang: 'zh', sort: 'lost' });
    const headings = md.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual([
      '# C 1',
      '## 晋中市',
      '### 指标得分',
      '### 排名：县',
      '## 晋中市 › 甲县',
      '### 指标得分',
      '### 整改清单',
      '### 排名：乡镇',
      '## 晋中市 › 乙县',
      '### 指标得分',
      '### 排名：乡镇',
      '## 数据',
    ]);
    expect(md).toContain('1. **a** · 率：政策内增加 5，可挽回 5 分');
    expect(md).toContain('排名 1/2');
  });
});

describe('golden Markdown of the bundled sample', () => {
  async function score(lang: string): Promise<string> {
    const io = fakeIo();
    await main(['score', 'fixtures/xiyang', '--format', 'md', '--lang', lang], io);
    return io.out;
  }
  for (const lang of ['zh', 'en']) {
    it(`matches tests/golden/xiyang.${lang}.md, byte for byte on a second run`, async () => {
      const file = join(ROOT, `tests/golden/xiyang.${lang}.md`);
      const out = await score(lang);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, out);
      expect(out).toBe(readFileSync(file, 'utf8'));
      expect(await score(lang)).toBe(out);
    });
  }
});
