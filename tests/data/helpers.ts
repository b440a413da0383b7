/** Shared helpers for the data-layer tests: a small inline scheme and byte helpers. */
import { formatDiagnostic, worded, type Diagnostic, type Finding } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';
import type { Field, Scheme } from '../../src/scheme/model';

/**
 * A minimal two-level scheme (township → county), independent of the bundled one.
 * Township count fields: population, births, births_in_policy, boys, girls
 * (boys and girls optional). County fields: satisfaction (percent, 0–100%),
 * has_office (boolean). Checks: births_in_policy <= births (error),
 * boys + girls == births (warning).
 */
export const TEST_SCHEME_YAML = `
id: test-scheme
title: 测试方案
version: 1
total: 10
pass: 6
units:
  - id: township
    title: 乡镇
    name: [乡镇, 乡镇名称]
    key: [区划代码]
  - id: county
    title: 县
    name: [县, 县区]
    key: [县代码]
fields:
  - id: population
    label: 总人口
    aliases: [期末总人口]
    type: count
  - id: births
    label: 出生人数
    aliases: [本期出生人数, 出生数]
    type: count
  - id: births_in_policy
    label: 政策内出生数
    aliases: [其中：计划内]
    type: count
  - id: boys
    label: 出生男婴
    type: count
    required: false
  - id: girls
    label: 出生女婴
    type: count
    required: false
  - id: satisfaction
    label: 群众满意率
    type: percent
    scope: county
    min: 0
    max: 100%
  - id: has_office
    label: 有办公场地
    type: boolean
    scope: county
checks:
  - id: policy_le_births
    title: 政策内出生数不超过出生数
    assert: births_in_policy <= births
  - id: sexes_add_up
    title: 男婴女婴之和等于出生人数
    assert: boys + girls == births
    severity: warning
sections:
  - id: births_section
    title: 出生
    points: 6
    items:
      - id: policy_rate
        title: 政策符合率
        points: 4
        formula: births_in_policy / births
        target: ">= 90%"
        rule: { type: deduct, deduct: 1, per: "1%", partial: proportional }
        lever: births_in_policy
      - id: birth_rate
        title: 出生率
        points: 2
        formula: births / population * 1000
        target: "<= 15"
        rule: { type: all }
  - id: county_section
    title: 县级工作
    points: 4
    items:
      - id: satisfaction_item
        title: 群众满意率
        points: 2
        scope: county
        formula: satisfaction
        target: ">= 85%"
        rule: { type: all }
      - id: office_item
        title: 有办公场地
        points: 2
        scope: county
        formula: has_office
        target: has_office
        rule: { type: all }
`;

export function loadTestScheme(yaml: string = TEST_SCHEME_YAML): Scheme {
  const r = loadScheme(yaml, 'test-scheme.yaml');
  if (!r.scheme || r.diagnostics.length > 0) {
    throw new Error(`test scheme does not load:\n${r.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n')}`);
  }
  return r.scheme;
}

export function field(scheme: Scheme, id: string): Field {
  const f = scheme.fields.get(id);
  if (!f) throw new Error(`no field ${id} in the test scheme`);
  return f;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Findings with a given code, with their words in both languages. */
export const withCode = (ds: readonly Finding[], code: string): Diagnostic[] =>
  ds.filter((d) => d.code === code).map(worded);

/** Findings reduced to the parts tests assert on (no message). */
export const where = (d: Finding) => ({ severity: d.severity, code: d.code, file: d.file, line: d.line, col: d.col });
