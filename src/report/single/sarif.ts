/**
 * SARIF 2.1.0 (OASIS), the format code-scanning dashboards read (GitHub code
 * scanning, GitLab, Azure DevOps): `pinggu check --format sarif`. One run; one rule
 * per diagnostic code (`scheme/unknown-key`, `data/bad-value` …); one result per
 * finding, with its level, its message in the user's language and, when it has a
 * file, a location (a relative path as a relative URI against %SRCROOT%, line and
 * column, both from 1; in a scheme's YAML the column counts code points, in a data
 * file it is the sheet's column number, so it is the result's `properties.column`).
 * Deterministic: no times, no paths of the machine beyond what the findings name.
 */
import { findingText, type Finding, type Lang } from '../../diagnostics';

export interface SarifContext {
  lang: Lang;
  version: string;
}

const LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const;

/** A file name as a URI reference: forward slashes, each segment percent-encoded; an absolute path as a file: URI. */
export function sarifUri(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(slashed);
  const encoded = slashed
    .split('/')
    .map((seg, i) => (drive && i === 0 ? seg : encodeURIComponent(seg)))
    .join('/');
  if (drive) return { uri: `file:///${encoded}` };
  if (slashed.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}

export function formatSarif(findings: readonly Finding[], ctx: SarifContext): string {
  const rules: string[] = [];
  for (const d of findings) if (!rules.includes(d.code)) rules.push(d.code);
  const results = findings.map((d) => {
    // In a YAML file the column is a character's; in a data file it is the sheet's column, kept as a property.
    const text = d.file !== undefined && /\.ya?ml$/i.test(d.file);
    const col = d.col !== undefined && d.col >= 1 ? d.col : undefined;
    const region =
      d.line !== undefined && d.line >= 1
        ? { startLine: d.line, ...(text && col ? { startColumn: col } : {}) }
        : undefined;
    return {
      ruleId: d.code,
      ruleIndex: rules.indexOf(d.code),
      level: LEVEL[d.severity],
      message: { text: findingText(d, ctx.lang) },
      ...(d.file !== undefined
        ? { locations: [{ physicalLocation: { artifactLocation: sarifUri(d.file), ...(region ? { region } : {}) } }] }
        : {}),
      ...(d.file !== undefined && !text && col ? { properties: { column: col } } : {}),
    };
  });
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pinggu',
            version: ctx.version,
            rules: rules.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        // Columns as the YAML reader counts them: UTF-16 code units (𠮷 is two), as editors do.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: {
          '%SRCROOT%': {
            description: { text: ctx.lang === 'zh' ? '运行 pinggu 的目录' : 'the folder pinggu was run in' },
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
