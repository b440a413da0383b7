/**
 * Turns a scheme into the engine's model: parses every formula and target (errors
 * point inside the YAML value), converts numbers to exact rationals and resolves
 * levels. Semantic rules that need the whole model live in lint.ts.
 *
 * It also runs, best effort, on a scheme that failed the schema (so one run reports
 * every finding): it never trusts a value's type, skipping what is not what the
 * schema wants (the schema has reported it) instead of throwing.
 */
import { message, type Message } from '../messages/codes';
import { Rational } from '../rational';
import { formulaError, parseFormula, parseQuantity, type Formula, type FormulaError } from './formula';
import type * as M from './model';
import type { Path } from './path';
import type { ItemInput, RuleInput, SchemeInput, SectionInput } from './schema';
import { displayOf, parseTarget, targetFormulas, type Target } from './target';

export interface Reporter {
  /** The line of the value at `path` (to point back to a first occurrence). */
  lineOf(path: Path): number;
  /** An error at the value at `path` (its code is the message's); `index` points inside a formula text. */
  error(path: Path, m: Message, index?: number): void;
}

const isObj = (x: unknown): x is Record<string, any> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** The array, or nothing when the value is not one (the schema reports that). */
const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
const isText = (x: unknown): x is string => typeof x === 'string';
const q = (x: unknown): Rational =>
  (typeof x === 'string' || typeof x === 'number' ? parseQuantity(x) : undefined) ?? Rational.ZERO; // the schema checked the form
const qOpt = (x: unknown) => (x === undefined ? undefined : q(x));
const exact = (x: unknown): Rational => {
  if (typeof x !== 'number') return Rational.ZERO;
  try {
    return Rational.fromNumber(x);
  } catch {
    return Rational.ZERO;
  }
};

/**
 * Full-width letters, digits, signs and spaces (＞＝　９５％, （）, ，) as their ASCII
 * forms (NFKC), one UTF-16 unit for one, so an index into the result is an index into
 * the text as written.
 */
export function narrow(text: string): string {
  return text.replace(/[\u3000\uff01-\uff5e]/g, (c) => {
    const n = c.normalize('NFKC');
    return n.length === 1 ? n : c;
  });
}

/** The innermost `(` left open in a formula text (the one "Unclosed (" is about). */
function unclosedParen(text: string): number | undefined {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') open.pop();
  }
  return open.at(-1);
}

/** A parse error as reported: an unclosed bracket points at the bracket. */
function explain(e: FormulaError, text: string): FormulaError {
  const unclosed = e.reason.code === 'formula/parser' && /^(Unclosed \(|Expected \))$/.test(e.reason.args.said);
  return unclosed ? formulaError(e.reason, unclosedParen(text) ?? e.index) : e;
}

export function compileScheme(input: SchemeInput, source: string, rep: Reporter): M.Scheme {
  const levels = list(input.units).filter(isObj);
  const levelIndex = (id: unknown, path: Path): number => {
    if (!isText(id)) return 0;
    const i = levels.findIndex((l) => l.id === id);
    if (i < 0) {
      rep.error(
        path,
        message('scheme/unknown-level', { level: id, levels: levels.map((l) => (l.id == null ? '' : String(l.id))) }),
      );
      return 0;
    }
    return i;
  };

  const fields = new Map<string, M.Field>();
  list(input.fields).forEach((f, i) => {
    if (!isObj(f) || !isText(f.id) || fields.has(f.id)) return; // a duplicate id is reported by lint
    fields.set(f.id, {
      id: f.id,
      label: f.label,
      aliases: list(f.aliases),
      type: f.type,
      level: levelIndex(f.scope, ['fields', i, 'scope']),
      min: qOpt(f.min),
      max: qOpt(f.max),
      required: f.required ?? true,
      unit: f.unit,
    });
  });
  const params = new Map<string, Rational>();
  for (const p of list(input.params)) if (isObj(p) && isText(p.id) && !params.has(p.id)) params.set(p.id, q(p.value));

  const formula = (text: string, path: Path): Formula | undefined => {
    const r = parseFormula(narrow(text));
    if ('error' in r) {
      const e = explain(r.error, text);
      rep.error(path, message('scheme/bad-formula', { reason: e.reason }), e.index);
      return undefined;
    }
    return r.formula;
  };
  const target = (text: string, path: Path): Target | undefined => {
    const r = parseTarget(narrow(text));
    if ('error' in r) {
      const e = explain(r.error, text);
      rep.error(path, message('scheme/bad-target', { reason: e.reason }), e.index);
      return undefined;
    }
    return r.target;
  };
  const fieldRefs = (...fs: (Formula | undefined)[]): string[] => [
    ...new Set(fs.flatMap((f) => f?.refs ?? []).filter((r) => fields.has(r))),
  ];

  const rule = (r: RuleInput, path: Path): { rule: M.Rule; formulas: Formula[] } => {
    if (r.type === 'bands') {
      const bands = list(r.bands).map((b, i) => ({
        when: isObj(b) && isText(b.when) ? target(b.when, [...path, 'bands', i, 'when']) : undefined,
        points: q(isObj(b) ? b.points : undefined),
      }));
      return { rule: { type: 'bands', bands }, formulas: bands.flatMap((b) => targetFormulas(b.when)) };
    }
    if (r.type === 'deduct')
      return {
        rule: { type: 'deduct', deduct: q(r.deduct), per: q(r.per), partial: r.partial, max: qOpt(r.max) },
        formulas: [],
      };
    if (r.type === 'per_case' || r.type === 'checklist')
      return { rule: { type: r.type, deduct: q(r.deduct), max: qOpt(r.max) }, formulas: [] };
    if (r.type === 'add')
      return { rule: { type: 'add', add: q(r.add), per: q(r.per), partial: r.partial }, formulas: [] };
    return { rule: { type: r.type }, formulas: [] };
  };

  const item = (it: ItemInput, path: Path, section: string, bonus: boolean): M.Item | undefined => {
    if (!isObj(it)) return undefined;
    const f = isText(it.formula) ? formula(it.formula, [...path, 'formula']) : undefined;
    const t = isText(it.target) ? target(it.target, [...path, 'target']) : undefined;
    // A rule that is not a mapping has been reported by the schema; a stand-in lets
    // the other checks of the item run.
    const r = rule(isObj(it.rule) ? it.rule : { type: 'all' }, [...path, 'rule']);
    if (!f) return undefined;
    return {
      id: it.id,
      title: it.title,
      points: q(it.points),
      formula: f,
      target: t,
      rule: r.rule,
      level: levelIndex(it.scope, [...path, 'scope']),
      rollup: it.rollup ?? 'sum',
      na: it.na ?? 'exclude',
      lever: it.lever,
      basis: it.basis,
      evidence: it.evidence,
      note: it.note,
      section,
      display: displayOf(t, (id) => {
        const v = list(input.params).find((x) => isObj(x) && x.id === id)?.value;
        return typeof v === 'string' ? v : undefined;
      }),
      bonus,
      fields: fieldRefs(f, ...targetFormulas(t), ...r.formulas),
      path,
    };
  };

  const items: M.Item[] = [];
  const section = (s: SectionInput, path: Path): M.Section | undefined => {
    if (!isObj(s)) return undefined;
    const own = list(s.items).flatMap((it, i) => item(it, [...path, 'items', i], s.id, false) ?? []);
    items.push(...own);
    return {
      id: s.id,
      title: s.title,
      points: q(s.points),
      items: own,
      sections: list(s.sections).flatMap((c, i) => section(c, [...path, 'sections', i]) ?? []),
    };
  };
  const sections = list(input.sections).flatMap((s, i) => section(s, ['sections', i]) ?? []);
  const bonus = isObj(input.bonus)
    ? {
        cap: q(input.bonus.cap),
        items: list(input.bonus.items).flatMap((it, i) => item(it, ['bonus', 'items', i], 'bonus', true) ?? []),
      }
    : undefined;

  const checks: M.Check[] = list(input.checks).flatMap((c, i) => {
    if (!isObj(c) || !isText(c.assert)) return [];
    const path: Path = ['checks', i];
    const f = formula(c.assert, [...path, 'assert']);
    return f
      ? [{ id: c.id, title: c.title, assert: f, severity: c.severity ?? 'error', fields: fieldRefs(f), path }]
      : [];
  });

  const vetoes: M.Veto[] = list(input.vetoes).flatMap((v, i) => {
    if (!isObj(v) || !isText(v.when)) return [];
    const path: Path = ['vetoes', i];
    const when = target(v.when, [...path, 'when']);
    if (!when) return [];
    const target0 = v.item ? [...items, ...(bonus?.items ?? [])].find((x) => x.id === v.item) : undefined;
    const own = fieldRefs(...targetFormulas(when));
    const fs = [...new Set([...own, ...(target0?.fields ?? [])])];
    const lowest = Math.max(0, ...fs.map((id) => fields.get(id)!.level), target0?.level ?? 0);
    return [
      {
        id: v.id,
        title: v.title,
        when,
        item: v.item,
        level: v.scope ? levelIndex(v.scope, [...path, 'scope']) : lowest,
        fields: fs,
        basis: v.basis,
        path,
      },
    ];
  });

  const total = exact(input.total);
  const passRaw = input.pass;
  const pass = typeof passRaw === 'string' && /[%‰]/.test(passRaw) ? total.mul(q(passRaw)) : q(passRaw);

  return {
    id: input.id,
    title: input.title,
    version: String(input.version),
    issuer: input.issuer,
    document: input.document,
    total,
    pass,
    grades: list(input.grades)
      .filter(isObj)
      .map((g) => ({ name: g.name, min: exact(g.min) }))
      .sort((a, b) => b.min.cmp(a.min)),
    levels,
    fields,
    params,
    checks,
    sections,
    items,
    bonus,
    vetoes,
    source,
  };
}
