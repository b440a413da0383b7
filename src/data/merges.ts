/**
 * Merged workbook cells over data rows. A workbook reader repeats a merged value
 * over its whole range, which for data would forge figures: 出生计划数 merged over
 * two townships gives both the same number. Over data, a merge that covers a field
 * column or the unit's own name/code is an error at the range, and no cell of it is
 * used (fields invalid, copied names and codes blanked). A merge over parent
 * columns (县 down its townships) or the period column only repeats what is true
 * of every row it covers, and is allowed. Merges in the header rows (group
 * headers) are not looked at here.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Column } from './columns';
import type { MergedRange, Row } from './table';

export interface MergeEffect {
  /** 0-based columns whose copied text is not this row's (blank them). */
  blank: Set<number>;
  /** 0-based field columns whose value is not used, with the finding at the merged range. */
  invalid: Map<number, Finding>;
  /** Findings for the ranges, one object per range (the caller says each once). */
  findings: Finding[];
  /**
   * The unit's own name or code is a copy from a row above: the row cannot be told apart
   * and is not used: the note said at the row (data/merged-name-row; the range's error is
   * in `findings`), which also leaves the file's 合计 row uncompared, as other rows not used do.
   */
  reject?: Finding;
}

const NONE: MergeEffect = { blank: new Set(), invalid: new Map(), findings: [] };

export function mergeEffect(
  r: Row,
  columns: Column[],
  level: number,
  headers: string[],
  file: string,
  known: Map<string, Finding>,
): MergeEffect {
  if (!r.merged?.length) return NONE;
  const out: MergeEffect = { blank: new Set(), invalid: new Map(), findings: [] };
  for (const m of r.merged) {
    const cols = Array.from({ length: m.right - m.left + 1 }, (_, k) => m.left - 1 + k);
    const fields = cols.filter((c) => columns[c]?.kind === 'field');
    const own = cols.filter((c) => {
      const col = columns[c];
      return (col?.kind === 'name' || col?.kind === 'key') && col.level === level;
    });
    const vertical = m.bottom > m.top;
    // Copies of the top-left cell that would stand for this row's own name or code, or any column across.
    for (const c of cols) {
      const master = c === m.left - 1 && r.line === m.top;
      if (!master && (!vertical || own.includes(c) || fields.includes(c))) out.blank.add(c);
    }
    if (!fields.length && !(vertical && own.length)) continue;
    let d: Finding | undefined = known.get(m.range);
    if (!d) {
      d = mergeFinding(
        m,
        [...own, ...fields].map((c) => headers[c] ?? ''),
        file,
        vertical && own.length > 0,
      );
      known.set(m.range, d);
    }
    out.findings.push(d);
    for (const c of fields) out.invalid.set(c, d);
    if (vertical && own.length && r.line > m.top && !out.reject) {
      out.reject = {
        severity: 'note',
        file,
        line: r.line,
        col: own[0]! + 1,
        ...message('data/merged-name-row', { range: m.range, top: m.top }),
      };
    }
  }
  return out;
}

function mergeFinding(m: MergedRange, labels: string[], file: string, names: boolean): Finding {
  return {
    severity: 'error',
    file,
    line: m.top,
    col: m.left,
    ...message('data/merged-cells', {
      kind: names ? 'names' : 'values',
      range: m.range,
      columns: labels,
      top: m.top,
      ...(m.bottom > m.top ? { rows: m.bottom - m.top + 1 } : { cols: m.right - m.left + 1 }),
    }),
  };
}
