/**
 * Loads a scheme from YAML text: syntax (with duplicate keys), then the strict
 * schema, then compile and lint. Every finding carries file:line:col. Pure: the
 * caller reads the file.
 *
 * One run shows as much as it can: a duplicate key is reported and the document is
 * used as parsed (the last value wins); when the schema fails, compile and lint still
 * run, best effort, on the data, and their findings about values the schema already
 * reported are dropped. Only a YAML syntax error stops everything, and then only the
 * first is reported (the rest are almost always its echoes).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import {
  hasErrors,
  sortDiagnostics,
  worded,
  type CodedDiagnostic,
  type Diagnostic,
  type Finding,
} from '../diagnostics';
import { message, type Message } from '../messages/codes';
import { compileScheme, type Reporter } from './compile';
import { lintScheme } from './lint';
import type { Scheme } from './model';
import { Positions, showPath, type Path } from './positions';
import { compilePrepared, type LoadResult, type Preparsed } from './prepared';
import { Scheme as SchemeSchema, type SchemeInput } from './schema';
import { cleanPath, fromZod, notASchemeFinding } from './shape-findings';
import { aliasFinding, badUtf8At, yamlFindings } from './yaml-findings';
import { withDefaults, type Limits } from '../limits';
import { longStringFindings, schemeSizeFinding, utf8Length } from './size-findings';

export type { LoadResult, Preparsed } from './prepared';

/**
 * A scheme from the file's bytes: they must be UTF-8 (a BOM is allowed and dropped).
 * Anything else, such as a GBK file saved by Notepad or WPS, is one clear error.
 */
export function loadSchemeBytes(
  bytes: Uint8Array,
  file: string,
  preparsed?: Preparsed,
  limits?: Partial<Limits>,
): LoadResult {
  const tooLarge = schemeSizeFinding(bytes.length, file, withDefaults(limits).schemeSize);
  if (tooLarge) return { diagnostics: [tooLarge] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = badUtf8At(bytes);
    return {
      diagnostics: [worded({ severity: 'error', ...message('scheme/encoding', {}), file, ...at })],
    };
  }
  return loadScheme(text.replace(/^\ufeff/, ''), file, preparsed, limits);
}

/**
 * `preparsed` is the build's parse of this same text (bundled schemes): it skips the
 * YAML parse, which then happens only if a finding needs its line and column; when
 * the build also found the scheme clean, the schema and lint checks are not repeated
 * (the same code on the same text gives the same answer) and only compiling remains.
 *
 * `limits` bound the text's size (checked before parsing) and each string's length
 * (checked right after): an oversized scheme is one error, not minutes of parsing.
 */
export function loadScheme(text: string, file: string, preparsed?: Preparsed, limits?: Partial<Limits>): LoadResult {
  if (preparsed?.checked) {
    // A clean build-time check means nothing can be reported here; if it is, load normally.
    return compilePrepared(preparsed.data, file) ?? loadScheme(text, file, undefined, limits);
  }
  const { schemeSize, schemeString } = withDefaults(limits);
  const tooLarge = preparsed ? undefined : schemeSizeFinding(utf8Length(text, schemeSize), file, schemeSize);
  if (tooLarge) return { diagnostics: [tooLarge] };
  const yaml = lazyYaml(text);
  const read =
    preparsed?.data !== undefined ? { data: preparsed.data, findings: [] } : readYaml(yaml, file, schemeString);
  if ('stop' in read) return { diagnostics: sortDiagnostics(read.stop.map(worded)) };
  /** Every finding as data; worded once, at the end (the result's `Diagnostic`s). */
  const diagnostics: Finding[] = [...read.findings];
  const data = read.data;

  const notScheme = notASchemeFinding(data, text, file);
  if (notScheme) return { diagnostics: sortDiagnostics([...diagnostics, notScheme].map(worded)) };

  const parsed = SchemeSchema.safeParse(data);
  const shape = parsed.success ? { findings: [], rejected: [] } : shapeFindings(parsed.error.issues, data, yaml, file);
  diagnostics.push(...shape.findings);

  // The semantic checks run even when the schema failed (best effort): one run then
  // shows a misspelt key together with a broken formula and points that do not add up.
  const bestEffort = !parsed.success;
  const input = (parsed.success ? parsed.data : data) as SchemeInput;
  const { scheme, semantic } = semanticFindings(input, bestEffort, yaml, file);
  diagnostics.push(...semantic.filter((d) => !followsFrom(d, shape.rejected)));

  const sorted = sortDiagnostics(dedupe(diagnostics.map(worded)));
  return scheme && !bestEffort && !hasErrors(sorted) ? { scheme, diagnostics: sorted } : { diagnostics: sorted };
}

/** The text's YAML document and the positions of its values, each made only when first needed. */
function lazyYaml(text: string) {
  const lines = new LineCounter();
  let doc: Document | undefined;
  let positions: Positions | undefined;
  const parse = (): Document =>
    (doc ??= parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }));
  return { text, lines, parse, pos: (): Positions => (positions ??= new Positions(parse(), lines, text)) };
}
type LazyYaml = ReturnType<typeof lazyYaml>;

/**
 * The data of the YAML text, with the findings that do not stop the load (duplicate
 * keys); or, under `stop`, every finding when it cannot go on: a syntax error, a
 * string over the limit (nothing after this should read it), a broken alias.
 */
function readYaml(
  yaml: LazyYaml,
  file: string,
  schemeString: number,
): { data: unknown; findings: CodedDiagnostic[] } | { stop: CodedDiagnostic[] } {
  const d = yaml.parse();
  const syntax = yamlFindings(d, yaml.text, yaml.lines, file);
  if (syntax.fatal) return { stop: syntax.findings };
  const long = longStringFindings(d, yaml.lines, file, schemeString);
  if (long.length) return { stop: [...syntax.findings, ...long] };
  try {
    return { data: d.toJS({ maxAliasCount: 100 }), findings: syntax.findings };
  } catch (e) {
    return { stop: [...syntax.findings, aliasFinding(d, e, yaml.text, yaml.lines, file)] };
  }
}

/** The schema's findings, and the paths whose value it rejected: the semantic checks say nothing more there. */
function shapeFindings(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  yaml: LazyYaml,
  file: string,
): { findings: CodedDiagnostic[]; rejected: string[] } {
  const findings: CodedDiagnostic[] = [];
  const rejected: string[] = [];
  for (const issue of issues) {
    findings.push(...fromZod(issue, data, yaml.pos(), file));
    if (issue.code !== 'unrecognized_keys') rejected.push(showPath(cleanPath(issue.path)));
  }
  return { findings, rejected };
}

/**
 * Compile and lint, every finding with its line and column. Best effort (the schema
 * failed), a compile that trips over a value the schema reported gives no scheme and
 * no findings: they may be wrong.
 */
function semanticFindings(
  input: SchemeInput,
  bestEffort: boolean,
  yaml: LazyYaml,
  file: string,
): { scheme?: Scheme; semantic: CodedDiagnostic[] } {
  const semantic: CodedDiagnostic[] = [];
  const rep: Reporter = {
    lineOf: (path: Path) => yaml.pos().of(path).line,
    error(path: Path, m: Message, index?: number) {
      const at = index === undefined ? yaml.pos().of(path) : yaml.pos().inside(path, index);
      semantic.push({ severity: 'error', ...m, file, line: at.line, col: at.col, path: showPath(path) });
    },
  };
  if (!bestEffort) {
    const scheme = compileScheme(input, file, rep);
    lintScheme(input, scheme, rep);
    return { scheme, semantic };
  }
  let scheme: Scheme;
  try {
    scheme = compileScheme(input, file, rep);
  } catch {
    return { semantic: [] };
  }
  lintScheme(input, scheme, rep, { bestEffort: true });
  return { scheme, semantic };
}

const within = (p: string, outer: string) =>
  outer !== '' && (p === outer || p.startsWith(`${outer}.`) || p.startsWith(`${outer}[`));

/**
 * Semantic findings that a value the schema rejected makes unreliable: a field
 * without a valid id makes every use of it "unknown", a field with a bad type makes
 * its roll-up look wrong, and so on. `item` rules drop only the findings of the
 * entry holding the rejected value.
 */
const FOLLOWS: { rejected: RegExp; codes: string[]; item?: true }[] = [
  {
    rejected: /^(fields|params)(\[\d+\](\.id)?)?$/,
    codes: ['scheme/unknown-name', 'scheme/unknown-field', 'scheme/lever-unused'],
  },
  {
    rejected: /^fields\[\d+\]\.type$/,
    codes: [
      'scheme/rollup-not-summable',
      'scheme/lever-type',
      'scheme/text-in-formula',
      'scheme/checklist-formula',
      'scheme/not-boolean',
      'scheme/target-kind',
      'scheme/formula-type',
      'scheme/target-not-summable',
      'scheme/veto-not-summable',
      'scheme/rollup-kind',
    ],
  },
  {
    rejected: /^units(\[\d+\](\.id)?)?$|^fields\[\d+\]\.scope$/,
    codes: [
      'scheme/unknown-level',
      'scheme/scope',
      'scheme/rollup-not-summable',
      'scheme/target-not-summable',
      'scheme/veto-not-summable',
    ],
  },
  { rejected: /^(sections|bonus)(\[\d+\]|\.\w+)*(\.items\[\d+\](\.id)?|\.items)$/, codes: ['scheme/unknown-item'] },
  {
    rejected: /\.items\[\d+\]\.scope$/,
    codes: ['scheme/scope', 'scheme/rollup-not-summable', 'scheme/target-not-summable'],
    item: true,
  },
  {
    rejected: /\.items\[\d+\]\.rollup$/,
    codes: ['scheme/rollup-not-summable', 'scheme/rollup-target', 'scheme/rollup-kind'],
    item: true,
  },
  {
    rejected: /\.items\[\d+\]\.rule(\.type)?$/,
    codes: [
      'scheme/rule-target',
      'scheme/add-outside-bonus',
      'scheme/bonus-rule',
      'scheme/checklist-formula',
      'scheme/missing-target',
      'scheme/proportional-target',
    ],
    item: true,
  },
];

/** Whether a semantic finding is about, or follows from, a value the schema rejected. */
function followsFrom(d: Finding, rejected: readonly string[]): boolean {
  const at = d.path ?? '';
  return rejected.some((r) => {
    if (within(at, r)) return true;
    return FOLLOWS.some(
      (f) =>
        f.rejected.test(r) &&
        f.codes.includes(d.code) &&
        (!f.item || within(at, r.replace(/\.(scope|rollup|rule(\.type)?)$/, ''))),
    );
  });
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.line}:${d.col}:${d.code}:${d.message.en}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
