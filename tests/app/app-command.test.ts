/** `pinggu app -o FILE`: the built page copied where the analyst wants it (src/cli/app.ts). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

const empty = mkdtempSync(join(tmpdir(), 'pinggu-app-cmd-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('pinggu app', () => {
  it('writes the page the build made, and says where and how large', async () => {
    const io = fakeIo();
    io.cwd = empty;
    expect(await main(['app', '-o', 'mine.html', '--lang', 'zh'], io)).toBe(0);
    const built = readFileSync(join(ROOT, 'dist', 'pinggu-app.html'));
    // Buffer#equals, not toEqual: a deep comparison walks the 1.4 MB byte by byte (seconds).
    const mine = Buffer.from(io.written.get(join(empty, 'mine.html')) as Uint8Array);
    expect(mine.length).toBe(built.length);
    expect(mine.equals(built), 'mine.html differs from dist/pinggu-app.html').toBe(true);
    expect(io.err).toMatch(/^已写入 mine\.html（\d+\.\d\d MB）/);
    // The page is whole: its policy, its script, the bundled scheme.
    const text = built.toString('utf8');
    expect(text).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(text).toContain('jsyzfw-2008');
    expect(built.length).toBeLessThan(3 * 1024 * 1024);
  });

  it('writes pinggu.html by default', async () => {
    const io = fakeIo();
    io.cwd = empty;
    expect(await main(['app'], io)).toBe(0);
    expect(io.written.has(join(empty, 'pinggu.html'))).toBe(true);
  });

  it('refuses a folder, and a checkout where the page was not built, in one line (exit 2)', async () => {
    const io = fakeIo();
    io.cwd = ROOT;
    expect(await main(['app', '-o', 'fixtures', '--lang', 'en'], io)).toBe(2);
    expect(io.err).toBe('pinggu: cannot write fixtures: it is a folder; give a file name such as pinggu.html\n');
    const bare = fakeIo();
    bare.root = empty;
    bare.cwd = empty;
    expect(await main(['app', '--lang', 'zh'], bare)).toBe(2);
    expect(bare.err).toBe('pinggu: 离线页面尚未生成（缺少 dist/pinggu-app.html）：请先运行 npm run build\n');
  });
});
