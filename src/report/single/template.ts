/**
 * The blank data-collection sheet (`pinggu template`): one sheet per unit level that
 * has fields, headed by the unit's name and code columns and the field labels in
 * scheme order, so that what the analyst fills in reads back without a finding.
 * Pure: text in, text out; the CLI encodes and writes.
 */
import type { Scheme } from '../../scheme/model';
import { csvField } from '../shared/escape';

export interface TemplateUnit {
  name: string;
  code?: string;
}

export interface TemplateSheet {
  /** Level id (`township`, `county`). */
  level: string;
  /** What a unit of the level is called (乡镇, 县): the workbook's sheet name. */
  title: string;
  header: string[];
  /** The unit columns (name, and code when the level has one) at the start of `header`. */
  idColumns: number;
  rows: string[][];
  /** The field of each column after the unit columns (its type, its lower bound): for the workbook's cell checks. */
  fields: { type: string; min?: number }[];
}

/**
 * The sheets for a scheme, lowest level first. `units` prefill the rows of the lowest
 * level's sheet (name, code, the other cells blank); without them the sheets have
 * a header only.
 */
export function templateSheets(scheme: Scheme, units?: readonly TemplateUnit[]): TemplateSheet[] {
  const sheets: TemplateSheet[] = [];
  scheme.levels.forEach((level, i) => {
    const own = [...scheme.fields.values()].filter((f) => f.level === i);
    const labels = own.map((f) => f.label);
    if (labels.length === 0) return;
    const key = level.key?.[0];
    const ids = key === undefined ? [level.name[0]!] : [level.name[0]!, key];
    const rows =
      i === 0 && units
        ? units.map((u) => [...(key === undefined ? [u.name] : [u.name, u.code ?? '']), ...labels.map(() => '')])
        : [];
    const fields = own.map((f) =>
      f.min === undefined ? { type: f.type } : { type: f.type, min: Number(f.min.toDecimal(12)) },
    );
    sheets.push({
      level: level.id,
      title: level.title,
      header: [...ids, ...labels],
      idColumns: ids.length,
      rows,
      fields,
    });
  });
  return sheets;
}

/**
 * A CSV document: comma-separated, every record ended by CRLF (as Excel writes it); each
 * cell made inert against formula injection (a name pasted in as `=HYPERLINK(…)` gets a
 * leading `'`) and quoted per RFC 4180, as every report cell is.
 */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
