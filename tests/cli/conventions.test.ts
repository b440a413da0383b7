/**
 * Conventions of issue 11, point 9: colour flags and variables on every command,
 * commander's words in Chinese help, "did you mean" for options and items, a scheme
 * with a `$schema` key for editors, and SARIF 2.1.0 from `check`.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { useColor } from '../../src/cli/conventions';
import { fakeIo, ROOT } from './fake-io';

// eslint-disable-next-line no-control-regex -- an ANSI colour code starts with the control character ESC
const ANSI = /\u001b\[\d+m/;
const tmp = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-conventions-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], o: { env?: Record<string, string>; tty?: boolean; cwd?: string } = {}) {
  const io = fakeIo({ LANG: 'C', ...o.env });
  io.isTTY = Boolean(o.tty);
  if (o.cwd) io.cwd = o.cwd;
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('colour: --color, --no-color, FORCE_COLOR, NO_COLOR', () => {
  it('decides in that order, else by the terminal', () => {
    expect(useColor({ isTTY: false, env: {} }, true)).toBe(true);
    expect(useColor({ isTTY: true, env: { FORCE_COLOR: '1' } }, false)).toBe(false);
    expect(useColor({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }, undefined)).toBe(true);
    expect(useColor({ isTTY: true, env: { FORCE_COLOR: '0' } }, undefined)).toBe(false);
    expect(useColor({ isTTY: true, env: { NO_COLOR: '1' } }, undefined)).toBe(false);
    expect(useColor({ isTTY: true, env: { NO_COLOR: '' } }, undefined)).toBe(true);
    expect(useColor({ isTTY: false, env: {} }, undefined)).toBe(false);
  });

  it('score: --color and FORCE_COLOR colour a table that is not on a terminal; --no-color and NO_COLOR do not on one', async () => {
    const args = ['score', 'fixtures/xiyang', '--fail-on', 'never'];
    expect((await run(args)).out).not.toMatch(ANSI);
    expect((await run([...args, '--color'])).out).toMatch(ANSI);
    expect((await run(args, { env: { FORCE_COLOR: '1' } })).out).toMatch(ANSI);
    expect((await run(args, { tty: true })).out).toMatch(ANSI);
    expect((await run([...args, '--no-color'], { tty: true })).out).not.toMatch(ANSI);
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(ANSI);
  });

  it('every command accepts --color and --no-color', async () => {
    for (const flag of ['--color', '--no-color']) {
      expect((await run(['check', flag])).code, `check ${flag}`).toBe(0);
      expect((await run(['schemes', flag])).code, `schemes ${flag}`).toBe(0);
      expect((await run(['explain', 'zhgl_org', 'fixtures/xiyang', flag])).code, `explain ${flag}`).toBe(0);
      const t = await run(['template', '-o', path.join(tmp, `t${flag}.csv`), flag]);
      expect(t.err, `template ${flag}`).not.toMatch(/unknown option/);
      expect(
        (await run(['compare', 'tests/golden/xiyang.en.json', 'tests/golden/xiyang.en.json', flag])).code,
        `compare ${flag}`,
      ).toBe(0);
    }
  });
});

describe('Chinese help and errors', () => {
  it('says commander\'s "(choices: …)" in Chinese', async () => {
    const zh = await run(['score', '--help', '--lang', 'zh']);
    expect(zh.out).toContain('输出格式（可选："table"、"json"、"csv"、"junit"、"md"、"html"、"xlsx"）');
    expect(zh.out).not.toMatch(/choices:|default:/);
    const en = await run(['score', '--help', '--lang', 'en']);
    expect(en.out).toContain('output format (choices: "table", "json"');
    expect((await run(['check', '--help', '--lang', 'zh'])).out).toContain('（可选："table"、"json"、"sarif"）');
  });

  it('suggests the option meant, in either language', async () => {
    const en = await run(['score', 'fixtures/xiyang', '--perod', '2026-09']);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/unknown option '--perod'\n\(Did you mean --period\?\)/);
    const zh = await run(['score', 'fixtures/xiyang', '--perod', '2026-09', '--lang', 'zh']);
    expect(zh.err).toMatch(/未知选项 '--perod'\n（是否应为 --period？）/);
  });
});

describe('explain: did you mean', () => {
  it('suggests the items whose title contains the words given', async () => {
    const r = await run(['explain', '满意率', 'fixtures/xiyang']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('pinggu: no item "满意率" in the scheme; did you mean 育龄群众满意率 (dwmy_satisfaction)?\n');
    const zh = await run(['explain', '满意率', 'fixtures/xiyang', '--lang', 'zh']);
    expect(zh.err).toBe('pinggu: 方案中没有指标“满意率”；是否指：育龄群众满意率（dwmy_satisfaction）？\n');
  });

  it('suggests ids and titles a typo away; nothing close keeps the plain message', async () => {
    expect((await run(['explain', 'zhgl_orgg', 'fixtures/xiyang'])).err).toMatch(
      /did you mean 计生工作机构和制度健全 \(zhgl_org\)\?/,
    );
    expect((await run(['explain', '育龄群众满衣率', 'fixtures/xiyang'])).err).toMatch(
      /did you mean 育龄群众满意率 \(dwmy_satisfaction\)\?/,
    );
    expect((await run(['explain', 'xyz', 'fixtures/xiyang'])).err).toBe(
      'pinggu: no item "xyz" in the scheme (give an item id such as zhgl_org, or its title)\n',
    );
  });
});

describe('a scheme for editors', () => {
  it('may name its JSON Schema with a $schema key (pinggu schema writes it)', async () => {
    const schema = await run(['schema']);
    expect(JSON.parse(schema.out).properties.$schema.type).toBe('string');
    const text = fs.readFileSync(path.join(ROOT, 'criteria/jsyzfw-2008.yaml'), 'utf8');
    fs.writeFileSync(path.join(tmp, 'mine.yaml'), `$schema: ./scheme.schema.json\n${text}`);
    const r = await run(['check', '--scheme', path.join(tmp, 'mine.yaml')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('pinggu schema is listed in the help', async () => {
    expect((await run(['--help'])).out).toMatch(/\n {2}schema\b/);
  });
});
