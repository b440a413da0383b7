/**
 * `pinggu check --format sarif` (issue 11, point 9): SARIF 2.1.0 for code-scanning
 * dashboards, checked structurally against what the standard requires and what
 * GitHub code scanning reads: every result's ruleId is its diagnostic code and
 * names a rule of the driver, and its location is the finding's file:line:col.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { sarifUri } from '../../src/report/single/sarif';
import { fakeIo } from './fake-io';

const tmp = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-sarif-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function check(args: string[], cwd?: string) {
  const io = fakeIo();
  if (cwd) io.cwd = cwd;
  const code = await main(['check', ...args], io);
  return { code, out: io.out, err: io.err };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region?: { startLine: number; startColumn?: number };
    };
  }[];
  properties?: { column?: number };
}

/** The parts of SARIF 2.1.0 a consumer relies on; throws on the first thing missing or wrong. */
function validSarif(text: string): Result[] {
  const log = JSON.parse(text);
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  expect(driver.name).toBe('pinggu');
  expect(typeof driver.version).toBe('string');
  const ids: string[] = driver.rules.map((r: { id: string; shortDescription: { text: string } }) => {
    expect(r.shortDescription.text.length).toBeGreaterThan(0);
    return r.id;
  });
  expect(new Set(ids).size).toBe(ids.length);
  expect(Array.isArray(run.results)).toBe(true);
  for (const r of run.results as Result[]) {
    expect(ids[r.ruleIndex]).toBe(r.ruleId);
    expect(r.ruleId).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    expect(['error', 'warning', 'note']).toContain(r.level);
    expect(r.message.text.length).toBeGreaterThan(0);
    for (const l of r.locations ?? []) {
      const a = l.physicalLocation.artifactLocation;
      // A URI reference: no spaces, backslashes or characters outside ASCII.
      expect(a.uri).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/);
      if (!a.uri.startsWith('file:')) expect(a.uriBaseId).toBe('%SRCROOT%');
      const reg = l.physicalLocation.region;
      if (reg) {
        expect(Number.isInteger(reg.startLine) && reg.startLine >= 1).toBe(true);
        if (reg.startColumn !== undefined) expect(Number.isInteger(reg.startColumn) && reg.startColumn >= 1).toBe(true);
      }
    }
  }
  return run.results;
}

/** `file:line:col: severity: message` lines of the table output or stderr. */
const lines = (text: string) =>
  [...text.matchAll(/^\s*(.+?):(\d+):(\d+): (error|warning|note): (.+)$/gm)].map((m) => ({
    file: m[1]!,
    line: Number(m[2]),
    col: Number(m[3]),
    level: m[4]!,
    text: m[5]!,
  }));

describe('check --format sarif', () => {
  it('an invalid scheme: every error with its code, file, line and column; exit 2', async () => {
    const bad = path.join(tmp, 'bad.yaml');
    fs.writeFileSync(bad, 'id: t\ntitle: T\nversion: 1\ntotal: 10\npass: 6\nunitz: []\n');
    const r = await check(['--scheme', bad, '--format', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    const results = validSarif(r.out);
    const plain = await check(['--scheme', bad]);
    const said = lines(plain.err);
    expect(said.length).toBeGreaterThan(1);
    expect(results).toHaveLength(said.length);
    results.forEach((x, i) => {
      const loc = x.locations![0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toBe(`file://${bad}`);
      expect(loc.region).toEqual({ startLine: said[i]!.line, startColumn: said[i]!.col });
      expect(x.level).toBe(said[i]!.level);
      expect(said[i]!.text.startsWith(x.message.text)).toBe(true);
    });
    expect(results.find((x) => x.ruleId === 'scheme/unknown-key')!.locations![0]!.physicalLocation.region).toEqual({
      startLine: 6,
      startColumn: 1,
    });
  });

  it('columns are UTF-16 code units, as declared (𠮷 counts two), the column check prints', async () => {
    const bad = path.join(tmp, 'astral.yaml');
    fs.writeFileSync(
      bad,
      'id: t\ntitle: T\nversion: 1\ntotal: 10\npass: 6\nunits: [{id: town, title: "𠮷𠮷", zzz: 1}]\n',
    );
    const r = await check(['--scheme', bad, '--format', 'sarif']);
    expect(JSON.parse(r.out).runs[0].columnKind).toBe('utf16CodeUnits');
    const zzz = validSarif(r.out).find((x) => x.ruleId === 'scheme/unknown-key')!;
    expect(zzz.locations![0]!.physicalLocation.region).toEqual({
      startLine: 6,
      startColumn: 'units: [{id: town, title: "𠮷𠮷", '.length + 1,
    });
  });

  it("data findings: a relative, percent-encoded path; the sheet column as a property; the user's language", async () => {
    fs.mkdirSync(path.join(tmp, '数据 9月'), { recursive: true });
    fs.writeFileSync(path.join(tmp, '数据 9月', 't.csv'), '乡镇,出生人数\nA镇,abc\n');
    const r = await check(['数据 9月/t.csv', '--format', 'sarif', '--lang', 'zh'], tmp);
    expect(r.code).toBe(2);
    const results = validSarif(r.out);
    const missing = results.find((x) => x.ruleId === 'data/missing-column')!;
    expect(missing.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: '%E6%95%B0%E6%8D%AE%209%E6%9C%88/t.csv', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(missing.properties).toEqual({ column: 1 });
    expect(missing.message.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a clean scheme and data: no error results, exit 0, identical bytes twice', async () => {
    const a = await check(['fixtures/xiyang', '--format', 'sarif']);
    expect(a.code).toBe(0);
    expect(validSarif(a.out).filter((x) => x.level === 'error')).toEqual([]);
    expect((await check(['fixtures/xiyang', '--format', 'sarif'])).out).toBe(a.out);
  });

  it('makes URIs of Windows and POSIX paths', () => {
    expect(sarifUri('a\\b c.yaml')).toEqual({ uri: 'a/b%20c.yaml', uriBaseId: '%SRCROOT%' });
    expect(sarifUri('C:\\data\\方案.yaml')).toEqual({ uri: 'file:///C:/data/%E6%96%B9%E6%A1%88.yaml' });
    expect(sarifUri('/srv/x#1.csv')).toEqual({ uri: 'file:///srv/x%231.csv' });
  });
});
