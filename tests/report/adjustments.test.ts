/** Self-assessed and adjusted side by side in Markdown, HTML, CSV, JUnit and XLSX (the table and JSON: tests/cli/adjust-cli.test.ts). */
import { describe, expect, it } from 'vitest';
import type { Workbook } from 'exceljs';
import { main } from '../../src/cli/main';
import { fakeIo } from '../cli/fake-io';

async function report(format: string, lang = 'zh'): Promise<string | Uint8Array> {
  const io = fakeIo();
  const args = [
    'score',
    'fixtures/xiyang',
    '--adjustments',
    'fixtures/adjustments/xiyang-2026.csv',
    '--as-of',
    '2026-07-31',
    '--lang',
    lang,
  ];
  const code = await main([...args, '-o', `out.${format}`], io);
  expect(code).toBe(1);
  return [...io.written.values()][0]!;
}

describe('adjustments in the other reports', () => {
  it('Markdown: the verdict line, the marked item, and the list with every line', async () => {
    const md = (await report('md')) as string;
    expect(md).toMatch(/^\*\*抽查核定\*\*：自评 87\.18 → 核定 85\.68$/m);
    expect(md).toMatch(/^\| 出生统计求实率 \\\* \| 96\.6% \|/m);
    expect(md).toMatch(
      /^## 抽查核定\n\n2 项已采用，1 项未采用（基准日 2026-07-31）\n\n- \*\*昔阳县\*\*：自评 87\.18 → 核定 85\.68\n- \*\*皋落镇\*\*：自评 94\.85 通过 → 核定 88\.29 未通过$/m,
    );
    expect(md).toMatch(
      /^\| 皋落镇 \| 奖励扶助金兑现率 \| 核定为 0 分 \| 4 → 0 \| 抽查12户，2户奖励扶助金未按时发放 \| 省卫健委评估组 \| 晋卫评〔2026〕3号 \| 2026-07-20 \| 已采用 \|$/m,
    );
    expect(md).toMatch(/\| 2026-01-15 – 2026-06-30 \| 未采用：已于 2026-06-30 失效（基准日 2026-07-31） \|$/m);
  });

  it('HTML: a 自评 vs 抽查 line in the verdict and a part with the list', async () => {
    const html = (await report('html')) as string;
    expect(html).toContain(
      '<p class="self-vs">自评 vs 抽查：自评 87.18 → 核定 85.68 <a href="#adjustments">抽查核定</a></p>',
    );
    expect(html).toMatch(
      /<section class="part adjustments" id="adjustments" data-part="adjustments">\n<h2>自评 vs 抽查 · 抽查核定<\/h2>/,
    );
    expect(html).toContain('<li>皋落镇：自评 94.85 通过 → 核定 88.29 未通过</li>');
    expect(html).toMatch(/<tr class="not-applied" style="color:#57606a"><td class="unit">东冶头镇<\/td>/);
  });

  it('CSV: the self-assessed points and the adjustment in added columns', async () => {
    const csv = (await report('csv', 'en')) as string;
    const [head, ...rows] = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(
      head!.endsWith(',Self-assessed points,Adjustment,Adjustment reason,Authority,Document,Adjustment date'),
    ).toBe(true);
    const stat = rows.find((r) => r.startsWith('县,') && r.includes(',rkkz_stat,'))!;
    expect(stat).toMatch(
      /,partial,1\.5,3,1\.5,0,.*,3,1\.5 deducted,入户抽查发现漏报出生3例,省卫健委评估组,晋卫评〔2026〕3号,2026-07-20$/,
    );
    const plain = rows.find((r) => r.startsWith('县,') && r.includes(',rkkz_policy,'))!;
    expect(plain.endsWith(',10,,,,,')).toBe(true);
  });

  it('JUnit: the self-assessed verdict as properties, the adjustment in the testcase text', async () => {
    const xml = (await report('junit')) as string;
    expect(xml).toContain('<property name="selfScaled" value="87.180468"/>');
    expect(xml).toContain('<property name="selfPassed" value="false"/>');
    expect(xml).toMatch(
      /<testcase classname="pinggu\.140724\.rkkz" name="rkkz_stat 出生统计求实率" time="0">\n {6}<system-out>部分失分：失 1\.5 分（共 3 分）\n[^<]*抽查核定：扣 1\.5 分（自评 3 → 1\.5），理由：入户抽查发现漏报出生3例/,
    );
  });

  it('XLSX: a 抽查核定 sheet with the units and the lines', async () => {
    const bytes = (await report('xlsx')) as Uint8Array;

    const ExcelJS = ((await import('exceljs')) as any).default;
    const wb: Workbook = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.getWorksheet('抽查核定')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '指标明细', '排名', '整改清单', '抽查核定']);
    const rows = ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['2 项已采用，1 项未采用（基准日 2026-07-31）']);
    expect(rows).toContainEqual(['皋落镇', '乡镇', 94.845809, '通过', 88.288432, '未通过']);
    expect(rows).toContainEqual([
      '东冶头镇',
      '140724102',
      'ldrk_info',
      '流动人口信息通报反馈率',
      '核定为 3 分',
      undefined,
      undefined,
      '补报材料经复核属实（上半年有效）',
      '市卫健委',
      '晋中卫〔2026〕11号',
      '2026-01-15',
      '2026-06-30',
      '未采用：已于 2026-06-30 失效（基准日 2026-07-31）',
    ]);
  });
});
