/** The data-quality report of `pinggu check`: per file, rows read/used/not used and every finding, grouped and counted. */
import { findingText, formatDiagnostic, type Finding, type Lang, type Severity } from '../../diagnostics';
import type { FileStats } from '../../data/model';
import { visibleData } from '../shared/escape';

export interface CheckReport {
  scheme: { source: string; title: string; sections: number; items: number; vetoes: number };
  /** Findings about the scheme that did not stop it (none today; kept for warnings). */
  schemeFindings: Finding[];
  /** Undefined when no data was given. */
  files?: FileStats[];
  findings: Finding[];
}

const SEVERITIES: Severity[] = ['error', 'warning', 'note'];
const WORD: Record<Severity, { en: [string, string]; zh: string }> = {
  error: { en: ['error', 'errors'], zh: '错误' },
  warning: { en: ['warning', 'warnings'], zh: '警告' },
  note: { en: ['note', 'notes'], zh: '提示' },
};
const count = (n: number, s: Severity, lang: Lang) =>
  lang === 'zh' ? `${WORD[s].zh} ${n} 个` : `${n} ${WORD[s].en[n === 1 ? 0 : 1]}`;

export function formatCheckText(report: CheckReport, ctx: { lang: Lang; verbose: boolean }): string {
  const r = visibleData(report);
  const { lang } = ctx;
  const zh = lang === 'zh';
  const s = r.scheme;
  const out = [
    zh
      ? `${s.source}: 方案有效：${s.title}（${s.sections} 个分项，${s.items} 个指标，${s.vetoes} 个否决项）`
      : `${s.source}: scheme OK: ${s.title} (${s.sections} sections, ${s.items} items, ${s.vetoes} vetoes)`,
  ];
  for (const d of r.schemeFindings) out.push(`  ${formatDiagnostic(d, lang)}`);
  if (!r.files) return `${out.join('\n')}\n`;
  const groups = new Map<string, Finding[]>();
  for (const d of r.findings) {
    const list = groups.get(d.file ?? '');
    if (list) list.push(d);
    else groups.set(d.file ?? '', [d]);
  }
  const section = (title: string, ds: Finding[]) => {
    out.push('', title);
    for (const sev of SEVERITIES) {
      const list = ds.filter((d) => d.severity === sev);
      if (!list.length) continue;
      const hidden = sev === 'note' && !ctx.verbose;
      out.push(
        `  ${count(list.length, sev, lang)}${hidden ? (zh ? '（--verbose 显示）' : ' (--verbose shows them)') : ''}`,
      );
      if (!hidden) for (const d of list) out.push(`    ${formatDiagnostic(d, lang)}`);
    }
  };
  for (const f of r.files) {
    section(
      zh
        ? `${f.file}（${f.encoding}）：读入 ${f.read} 行，使用 ${f.used} 行，未使用 ${f.rejected} 行`
        : `${f.file} (${f.encoding}): ${f.read} row${f.read === 1 ? '' : 's'} read, ${f.used} used, ${f.rejected} not used`,
      groups.get(f.file) ?? [],
    );
  }
  const loose = r.findings.filter((d) => !r.files!.some((f) => f.file === d.file));
  if (loose.length) section(zh ? '其他' : 'Other', loose);
  const n = (sev: Severity) => r.findings.filter((d) => d.severity === sev).length;
  out.push(
    '',
    zh
      ? `合计：${SEVERITIES.map((sv) => count(n(sv), sv, lang)).join('，')}`
      : `Total: ${SEVERITIES.map((sv) => count(n(sv), sv, lang)).join(', ')}`,
  );
  return `${out.join('\n')}\n`;
}

export function formatCheckJson(r: CheckReport, ctx: { lang: Lang }): string {
  const finding = (d: Finding) => ({
    severity: d.severity,
    code: d.code,
    file: d.file ?? null,
    line: d.line ?? null,
    col: d.col ?? null,
    message: findingText(d, ctx.lang),
  });
  const doc = {
    schemaVersion: 1,
    scheme: r.scheme,
    files: r.files ?? [],
    counts: Object.fromEntries(SEVERITIES.map((s) => [s, r.findings.filter((d) => d.severity === s).length])),
    findings: r.findings.map(finding),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
