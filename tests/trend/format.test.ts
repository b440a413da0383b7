import { describe, expect, it } from 'vitest';
import { trendHtml } from '../../src/report/trend/html';
import { trendJson } from '../../src/report/trend/json';
import { trendMarkdownSection } from '../../src/report/trend/md';
import { formatTrendText } from '../../src/report/trend/text';
import { buildTrend } from '../../src/trend/diff';
import { gateTrend } from '../../src/trend/gate';
import { readReport } from '../../src/trend/read';
import { R } from '../../src/rational';
import { fixture } from './support';

const batch = () =>
  buildTrend(
    [readReport(fixture('june.json'), 'j.json').snapshots],
    readReport(fixture('batch-q3.json'), 'b.json').snapshots,
  );

describe('trend formatters', () => {
  it('HTML: a score line chart per county and one small chart per section; no script, no external request; same bytes twice', () => {
    const t = batch();
    const gate = gateTrend(t, { newFailure: true });
    const html = trendHtml(t, { lang: 'en', gate });
    expect(html).toBe(trendHtml(batch(), { lang: 'en', gate }));
    expect(html).not.toMatch(/<script|https?:|url\(|href=|src=|xlink/i);
    expect(html.match(/data-chart="score-trend"/g)).toHaveLength(2);
    expect(html.match(/data-chart="section-trend"/g)).toHaveLength(4);
    // 甲县 over June … Sep: four points on the line; the last below the pass line is red.
    const first = html.slice(
      html.indexOf('id="trend-1-score"'),
      html.indexOf('</svg>', html.indexOf('id="trend-1-score"')),
    );
    expect(first.match(/<circle/g)).toHaveLength(4);
    expect(first).toMatch(/<title>2026-09: 94<\/title><circle [^>]*fill="#2e7d32"/);
    expect(first).toMatch(/pass line 90/);
    // 乙区 has no June: a gap, three points.
    const second = html.slice(
      html.indexOf('id="trend-2-score"'),
      html.indexOf('</svg>', html.indexOf('id="trend-2-score"')),
    );
    expect(second.match(/<circle/g)).toHaveLength(3);
    // The section that dropped is drawn red.
    expect(html).toMatch(/<svg id="trend-1-section-2" class="chart trend-mini down"/);
    expect(html).toMatch(
      /<strong>Newly failing \(1\)<\/strong><\/p>\n<ul class="failing"><li>经费到位率: 30 → 24 \(−6\)<\/li><\/ul>/,
    );
    expect(html).toMatch(/<h3 class="gate-fail">Gates: FAILED<\/h3>/);
    // Tags balance.
    for (const tag of ['svg', 'section', 'ul', 'g', 'p', 'div'])
      expect([tag, html.split(`<${tag} `).length + html.split(`<${tag}>`).length - 2]).toEqual([
        tag,
        html.split(`</${tag}>`).length - 1,
      ]);
    expect(trendHtml(t, { lang: 'zh' })).toMatch(/<h2>趋势对比<\/h2>/);
  });

  it('HTML escapes names from the reports', () => {
    const doc = JSON.parse(fixture('june.json'));
    doc.units[0].name = '<b>甲&县</b>';
    const t = buildTrend([], readReport(JSON.stringify(doc), 'x.json').snapshots);
    const html = trendHtml(t, { lang: 'en' });
    expect(html).not.toMatch(/<b>/);
    expect(html).toMatch(/&lt;b&gt;甲&amp;县&lt;\/b&gt;/);
  });

  it('Markdown: a section with the score over the periods and the lists; names escaped', () => {
    const t = batch();
    const md = trendMarkdownSection(t, { lang: 'en' });
    expect(md).toMatch(
      /^## Trend\n\nCompared: 2026-08 → 2026-09\n\n### Score over the periods\n\n\| Unit \| 2026-06 \| 2026-07 \| 2026-08 \| 2026-09 \| Change \|\n/,
    );
    expect(md).toMatch(/^\| 甲县 \| 100 \| 100 \| 97\.5 \| 94 \| −3\.5 \|$/m);
    expect(md).toMatch(/^\| 乙区 \| — \| 80 \| 85 \| 90\.1 \| \+5\.1 \|$/m);
    expect(md).toMatch(/^- 经费到位率 \(`funds`\): 30 → 24 \(−6\)$/m);
    const doc = JSON.parse(fixture('june.json'));
    doc.units[0].name = '甲|县 <img>';
    expect(
      trendMarkdownSection(buildTrend([], readReport(JSON.stringify(doc), 'x.json').snapshots), { lang: 'zh' }),
    ).toMatch(/\| 甲\\\|县 &lt;img&gt; \| 100 \|/);
  });

  it('text: fits 100 columns, colour only when asked', () => {
    const t = batch();
    const plain = formatTrendText(t, { lang: 'zh', color: false });
    expect(plain).not.toContain('\u001b[');
    expect(formatTrendText(t, { lang: 'zh', color: true })).toContain('\u001b[');
    const width = (s: string) =>
      [...s].reduce(
        (w, ch) =>
          w +
          (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
            ? 2
            : 1),
        0,
      );
    expect(
      Math.max(
        ...plain
          .split('\n')
          .filter((l) => /^[│┌└]/.test(l))
          .map(width),
      ),
    ).toBeLessThanOrEqual(100);
  });

  it('JSON: the trend object, exact decimals', () => {
    const t = batch();
    const j = trendJson(t, gateTrend(t, { regression: R(0) }));
    expect(j.columns.map((c) => c.period)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09']);
    expect(j.units[1]!.series.map((p) => p.scaled)).toEqual([80, 85, 90.1]);
    expect(j.units[1]!.diff!.scaled).toBe(5.1);
    expect(j.units[1]!.diff!.items.find((i) => i.id === 'funds')).toMatchObject({
      points: 0.1,
      value: 0.01,
      rank: 0,
      before: { rank: 2, of: 2 },
    });
    expect(j.gate!.reasons.map((r) => [r.kind, r.unit])).toEqual([['regression', '甲县']]);
    expect(j.units[0]!.series[3]!.sections).toEqual([
      { id: 's1', title: 's1', points: 70, max: 70 },
      { id: 's2', title: 's2', points: 24, max: 30 },
    ]);
  });
});
