/**
 * The HTML report: self-contained (no script, no URL), every text from the scheme and
 * the data escaped, every part present, and the bundled sample as reviewed golden files
 * (tests/golden/xiyang.{zh,en}.html, read by hand). Regenerate with UPDATE_GOLDEN=1.
 * The page as a browser draws and prints it: tests/browser/html.browser.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Assessment } from '../../src/engine/types';
import { formatHtml } from '../../src/report/single/html';
import { SINGLE as FORMATS, formatForFile } from '../../src/report/single/registry';
import { esc } from '../../src/report/shared/svg';
import { fakeIo, ROOT } from '../cli/fake-io';
import { assess, scheme } from '../support';

const SCHEME = scheme(`
id: h
title: "T<i>tle & 'q'"
version: "1\\"<b>"
issuer: A & B
total: 10
pass: 9
grades: [{ name: "<u>好</u>", min: 9 }, { name: 差, min: 0 }]
units:
  - { id: township, title: "乡<镇>", name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: num, label: "分子<img src=x onerror=alert(1)>", type: count }
  - { id: den, label: 分母, type: count }
  - { id: bad, label: 违规, type: count, scope: county }
sections:
  - id: s
    title: "S <b>"
    points: 10
    items:
      - id: x
        title: "X\\" onmouseover=\\"alert(1)"
        points: 10
        formula: num / den
        target: ">= 90%"
        rule: { type: deduct, deduct: 1, per: 1%, partial: proportional }
        lever: num
vetoes:
  - { id: v1, title: "违规<script>", when: bad > 0 }
`);

const EVIL = '<script>alert(1)</script>';

function hostile(): Assessment {
  return assess(
    SCHEME,
    ['c.csv', '县,违规\n"C&<x>",\n'],
    ['t.csv', `县,乡镇,分子<img src=x onerror=alert(1)>,分母\n"C&<x>",${EVIL},80,100\n"C&<x>","it's ""q""",95,100\n`],
  );
}

/** The tags and attributes the report itself writes; anything else came from the input. */
const TAGS = new Set(
  'html head meta title style body main header h1 h2 h3 p section div span svg rect line text g table thead tbody tr th td ul li br'.split(
    ' ',
  ),
);
const ATTRS = new Set(
  'lang charset name content class id data-part data-chart viewbox width height role aria-label x y x1 y1 x2 y2 rx text-anchor title colspan style'.split(
    ' ',
  ),
);

/** Every tag of the page (the style sheet set aside), with its attribute names. */
function tags(html: string): { name: string; attrs: string[] }[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>').replace(/^<!DOCTYPE html>/, '');
  const out: { name: string; attrs: string[] }[] = [];
  for (const m of body.matchAll(/<\/?([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    out.push({
      name: m[1]!.toLowerCase(),
      attrs: [...m[2]!.matchAll(/([\w-]+)(?:="[^"]*")?/g)].map((a) => a[1]!.toLowerCase()),
    });
  }
  return out;
}

async function sampleHtml(lang: string): Promise<string> {
  const io = fakeIo();
  const code = await main(['score', 'fixtures/xiyang', '--format', 'html', '--lang', lang], io);
  expect(code).toBe(1);
  expect(io.err).toBe('');
  return io.out;
}

describe('escaping', () => {
  it('escapes & < > " \'', () => {
    expect(esc(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('a township named <script>alert(1)</script> comes out inert, and so does every scheme text', () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = formatHtml(hostile(), { lang, sort: 'lost' });
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<(u|i|b)>/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('T&lt;i&gt;tle &amp; &#39;q&#39;');
      expect(html).toContain('it&#39;s &quot;q&quot;');
      expect(html).toContain('X&quot; onmouseover=&quot;alert(1)');
      // No event handler outside a quoted attribute value.
      expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[^>]*\son\w+=/);
      // Only the report's own markup: the input added no tag and no attribute.
      const all = tags(html);
      expect(all.length).toBeGreaterThan(100);
      for (const t of all) {
        expect(TAGS.has(t.name), `<${t.name}>`).toBe(true);
        for (const a of t.attrs) expect(ATTRS.has(a), `<${t.name} ${a}>`).toBe(true);
      }
      // The hostile township is in the action list, the heat map and the ranking, escaped each time.
      expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('vetoes', () => {
  it('shows a triggered veto, and one the data could not check with its reason', () => {
    const blank = formatHtml(hostile(), { lang: 'en', sort: 'lost' });
    expect(blank).toMatch(/<h3>Vetoes: <span class="warn">1 could not be checked \(so no pass\)<\/span><\/h3>/);
    expect(blank).toMatch(
      /<tr class="veto-unknown"><td>\?<\/td><td>违规&lt;script&gt;<\/td><td>违规 &gt; 0<\/td><td>违规 &gt; 0<\/td><td>[^<]*违规[^<]*<\/td><\/tr>/,
    );
    expect(blank).toContain('<span class="badge fail">FAIL</span>');
    const hit = formatHtml(
      assess(
        SCHEME,
        ['c.csv', '县,违规\nC,1\n'],
        ['t.csv', '县,乡镇,分子<img src=x onerror=alert(1)>,分母\nC,a,95,100\n'],
      ),
      { lang: 'zh', sort: 'lost' },
    );
    expect(hit).toContain('<h3>一票否决：<span class="warn">触发 1 项</span></h3>');
    expect(hit).toContain(
      '<tr class="veto-hit"><td>✗</td><td>违规&lt;script&gt;</td><td>违规 &gt; 0</td><td>违规 1 &gt; 0</td><td>触发</td></tr>',
    );
    expect(hit).toContain('<span class="badge fail">未通过</span>');
  });
});

describe('the bundled sample', () => {
  it('is one self-contained page: no script, no URL, no external resource, no date', async () => {
    for (const lang of ['zh', 'en']) {
      const html = await sampleHtml(lang);
      expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
      expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).not.toMatch(/\b(src|href|xlink:href)=/i);
      expect(html).not.toMatch(/url\(|@import|@font-face/i);
      expect(html).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
      expect(html).toContain('"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif');
      expect(html).toContain('@page { size: A4; margin: 15mm }');
      expect(html).toMatch(/\.part\.page \{ break-before: page \}/);
      expect(html).toMatch(/tr, tbody\.row \{ break-inside: avoid \}/);
      expect(html).toMatch(/thead \{ display: table-header-group \}/);
    }
  });

  it('has every part, in order, and every chart', async () => {
    for (const lang of ['zh', 'en']) {
      const html = await sampleHtml(lang);
      const parts = [...html.matchAll(/data-part="(\w+)"/g)].map((m) => m[1]);
      expect(parts).toEqual(['verdict', 'lost', 'items', 'actions', 'heatmap', 'ranking', 'data']);
      const charts = [...html.matchAll(/data-chart="(\w+)"/g)].map((m) => m[1]);
      expect(charts).toEqual(['gauge', 'lost', 'heatmap', 'ranking']);
      // The gauge marks the pass line; the lost chart has a bar per item losing points (10), the ranking one per township (12).
      const gauge = html.match(/<svg id="gauge"[\s\S]*?<\/svg>/)![0];
      expect(gauge).toMatch(/class="pass-line"/);
      expect(gauge).toContain(lang === 'zh' ? '及格线 90' : 'pass line 90');
      expect(gauge).toContain('87.18');
      expect(gauge).toContain('class="tone-fail"');
      const lost = html.match(/<svg id="lost-chart"[\s\S]*?<\/svg>/)![0];
      expect(lost.match(/<g class="bar">/g)).toHaveLength(10);
      const ranking = html.match(/<svg id="ranking-chart"[\s\S]*?<\/svg>/)![0];
      expect(ranking.match(/<g class="bar">/g)).toHaveLength(12);
      expect(ranking).toMatch(/class="pass-line"/);
      // The heat map: 12 townships × 16 items.
      const heat = html.match(/<table class="heat"[\s\S]*?<\/table>/)![0];
      expect(heat.match(/<td class="cell /g)).toHaveLength(12 * 16);
      // Items: 28 with an explanation each; action list: 42 changes.
      const items = html.match(/<table class="items">[\s\S]*?<\/table>/)![0];
      expect(items.match(/<tr class="why">/g)).toHaveLength(28);
      const actions = html.match(/<table class="action-list">[\s\S]*?<\/table>/)![0];
      expect(actions.match(/<tr>/g)).toHaveLength(42 + 1);
    }
  });

  it('says the verdict and the vetoes in each language', async () => {
    const zh = await sampleHtml('zh');
    expect(zh).toContain('<span class="badge fail">未通过</span>');
    expect(zh).toContain('距及格线还差 2.82 分。');
    expect(zh).toContain('未触发（共 5 项，均已检查）');
    expect(zh).toContain('奖励扶助已兑现人数增加 2');
    const en = await sampleHtml('en');
    expect(en).toContain('<span class="badge fail">FAIL</span>');
    expect(en).toContain('2.82 points short of the pass line.');
    expect(en).toContain('none triggered (all 5 checked)');
    expect(en).toContain('奖励扶助已兑现人数: 2 more');
  });

  for (const lang of ['zh', 'en']) {
    it(`matches tests/golden/xiyang.${lang}.html`, async () => {
      const file = join(ROOT, `tests/golden/xiyang.${lang}.html`);
      const out = await sampleHtml(lang);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, out);
      expect(out).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('two runs give identical bytes', async () => {
    expect(await sampleHtml('zh')).toBe(await sampleHtml('zh'));
    expect(await sampleHtml('en')).toBe(await sampleHtml('en'));
  });

  it('is chosen by --format html and by an .html or .htm output file', async () => {
    expect(formatForFile('report.html')).toBe('html');
    expect(formatForFile('REPORT.HTM')).toBe('html');
    expect(FORMATS.html.extensions).toEqual(['.html', '.htm']);
    const io = fakeIo();
    await main(['score', 'fixtures/xiyang', '-o', 'out/r.html', '--lang', 'en'], io);
    const written = io.written.get(join(ROOT, 'out/r.html')) ?? [...io.written.values()][0];
    expect(String(written)).toBe(await sampleHtml('en'));
  });
});
