/**
 * JUnit XML as written: test cases in suites in one `<testsuites>` document, every
 * time "0" (no timestamps, no host names). Shared by the single and the batch report.
 */
import { xmlAttr } from './escape';

export interface Case {
  name: string;
  classname: string;
  /** Child element, already serialised, or none for a pass. */
  body?: string;
  outcome: 'pass' | 'failure' | 'error' | 'skipped';
}

export interface Suite {
  name: string;
  /** The unit the suite belongs to, as a dotted package name: `pinggu.140724`. */
  pkg: string;
  properties: [string, string][];
  cases: Case[];
}

export const attrs = (pairs: [string, string | number][]): string =>
  pairs.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');

const count = (cases: Case[], o: Case['outcome']) => cases.filter((c) => c.outcome === o).length;

export function junitDocument(title: string, suites: Suite[]): string {
  const all = suites.flatMap((s) => s.cases);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites${attrs([
      ['name', title],
      ['tests', all.length],
      ['failures', count(all, 'failure')],
      ['errors', count(all, 'error')],
      ['time', '0'],
    ])}>`,
  );
  suites.forEach((s, id) => {
    const head = attrs([
      ['name', s.name],
      ['id', id],
      ['package', s.pkg],
      ['tests', s.cases.length],
      ['failures', count(s.cases, 'failure')],
      ['errors', count(s.cases, 'error')],
      ['skipped', count(s.cases, 'skipped')],
      ['time', '0'],
    ]);
    lines.push(`  <testsuite${head}>`);
    if (s.properties.length) {
      lines.push('    <properties>');
      for (const [k, v] of s.properties)
        lines.push(
          `      <property${attrs([
            ['name', k],
            ['value', v],
          ])}/>`,
        );
      lines.push('    </properties>');
    }
    for (const c of s.cases) {
      const open = `    <testcase${attrs([
        ['classname', c.classname],
        ['name', c.name],
        ['time', '0'],
      ])}`;
      lines.push(c.body ? `${open}>\n      ${c.body}\n    </testcase>` : `${open}/>`);
    }
    lines.push('  </testsuite>');
  });
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
