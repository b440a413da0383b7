/**
 * The layer rules of /work/shared/DESIGN.md as a function: `checkSource(rel, text)` lists
 * what one source file breaks. tests/layers.test.ts runs it on every file of src/ and on
 * small planted violations, so the checker itself is tested.
 *
 * Imports flow one way: scheme → data → engine → batch → plan → trend → forecast → report → cli | app.
 * engine may use data's *types* only (`import type`), not its code. Only the edges
 * (cli; app, the browser's counterpart) touch the outside world: node built-ins,
 * `require`, `process`, clocks, randomness, the console.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

export const LAYERS = [
  'scheme',
  'data',
  'engine',
  'batch',
  'plan',
  'trend',
  'forecast',
  'report',
  'app',
  'cli',
] as const;
export type Layer = (typeof LAYERS)[number];

/** What each layer may import from the others (leaves such as rational.ts are open to all). */
export const ALLOWED: Record<Layer, Layer[]> = {
  scheme: ['scheme'],
  data: ['data', 'scheme'],
  engine: ['engine', 'scheme'], // and data's types: see TYPES_ONLY
  batch: ['batch', 'engine', 'scheme', 'data'],
  plan: ['plan', 'batch', 'engine', 'scheme', 'data'],
  trend: ['trend', 'batch', 'engine', 'scheme', 'data'],
  // Year-end projections from monthly reports, scored with the engine.
  forecast: ['forecast', 'engine', 'scheme', 'data'],
  report: ['report', 'forecast', 'plan', 'trend', 'batch', 'engine', 'scheme', 'data'],
  // The offline page: the pure layers in a browser, never the command line.
  app: ['app', 'report', 'forecast', 'plan', 'trend', 'batch', 'engine', 'scheme', 'data'],
  cli: LAYERS.slice(),
};
/** Edges a layer may use for types only (erased at build time, no code runs across them). */
export const TYPES_ONLY: Partial<Record<Layer, Layer[]>> = { engine: ['data'] };

/** Layers that may touch the world: clocks and the console (cli and app); built-ins and process (cli only). */
const EDGE: Layer[] = ['cli', 'app'];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/**
 * Built-ins a pure layer may use because they compute and touch nothing outside
 * (bytes in, bytes out). Each entry is a reviewed exception: file → module.
 */
export const PURE_BUILTINS: Record<string, string[]> = {
  'data/zip-entries.ts': ['node:zlib'], // inflating xlsx entries
};
/** Third-party modules only the cli may import; the report layer may colour with an explicit level. */
const CLI_ONLY = new Set(['commander', 'chalk']);
const COLOUR_OK: Layer[] = ['report', 'cli'];
/** The library API (src/index.ts) may export every layer but the command line. */
const API = 'index.ts';

export const layerOf = (rel: string): Layer | undefined => LAYERS.find((l) => rel.startsWith(`${l}/`));

/** Problems of one file: `rel` is its path under src/ with forward slashes. */
export function checkSource(rel: string, text: string): string[] {
  const layer = layerOf(rel);
  const edge = layer !== undefined && EDGE.includes(layer);
  const bad: string[] = [];
  const src = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

  const checkImport = (spec: string, typeOnly: boolean) => {
    if (spec.startsWith('.')) {
      const target = layerOf(posix.normalize(posix.join(posix.dirname(rel), spec)));
      if (!target) return;
      if (!layer) {
        if (rel === API && target === 'cli') bad.push(`${spec} (the library API importing the cli)`);
        if (rel !== API) bad.push(`${spec} (a leaf importing ${target})`);
      } else if (!ALLOWED[layer].includes(target)) {
        if (typeOnly && TYPES_ONLY[layer]?.includes(target)) return;
        const may = TYPES_ONLY[layer]?.includes(target) ? ', types only' : '';
        bad.push(`${spec} (${layer} → ${target}${may})`);
      }
    } else if (BUILTINS.has(spec)) {
      const norm = spec.startsWith('node:') ? spec : `node:${spec}`;
      if (layer !== 'cli' && !typeOnly && !PURE_BUILTINS[rel]?.includes(norm))
        bad.push(`${spec} (only the cli touches the outside world)`);
    } else if (
      CLI_ONLY.has(spec) &&
      !typeOnly &&
      !(spec === 'chalk' && layer && COLOUR_OK.includes(layer)) &&
      layer !== 'cli'
    ) {
      bad.push(`${spec} (only the cli ${spec === 'chalk' ? 'and report colour' : 'parses a command line'})`);
    }
  };

  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node) ? importIsTypeOnly(node) : node.isTypeOnly;
      checkImport(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) checkImport(arg.literal.text, true);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const first = node.arguments[0];
      if (callee.kind === ts.SyntaxKind.ImportKeyword && first && ts.isStringLiteralLike(first))
        checkImport(first.text, false);
      if (ts.isIdentifier(callee) && callee.text === 'require' && layer !== 'cli')
        bad.push('require (import instead; only the cli loads at run time)');
      if (ts.isIdentifier(callee) && callee.text === 'eval') bad.push('eval or new Function');
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'Function') bad.push('eval or new Function');
      if (node.expression.text === 'Date' && !node.arguments?.length && !edge) bad.push('new Date() (reads the clock)');
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const what = `${node.expression.text}.${node.name.text}`;
      if (node.expression.text === 'process' && layer !== 'cli') bad.push(`${what} (uses process)`);
      if (!edge && /^(Date\.now|performance\.now|Math\.random|crypto\.getRandomValues|crypto\.randomUUID)$/.test(what))
        bad.push(`${what} (clock or randomness)`);
      if (!edge && node.expression.text === 'console') bad.push(`${what} (prints)`);
    } else if (
      ts.isIdentifier(node) &&
      node.text === 'process' &&
      layer !== 'cli' &&
      !ts.isPropertyAccessExpression(node.parent) &&
      !isDeclarationName(node)
    ) {
      bad.push('process (uses process)');
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return bad;
}

/** `import type {…}` or `import { type a, type b }` with every binding a type. */
function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs code
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const named = clause.namedBindings;
  return !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

const isDeclarationName = (id: ts.Identifier): boolean => {
  const p = id.parent;
  return (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertySignature(p) ||
      ts.isParameter(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isPropertyDeclaration(p)) &&
    p.name === id
  );
};
