#!/usr/bin/env node
'use strict';
// Loads the single-file bundle through V8's code cache when the build left one
// (dist/pinggu.cache, made by `npm run build`): Node 20 has no module compile
// cache of its own, and compiling the bundle is most of the start-up time.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const root = path.join(__dirname, '..');
const file = path.join(root, 'dist', 'pinggu.cjs');
const cacheFile = path.join(root, 'dist', 'pinggu.cache');

function load() {
  // The build leaves the bundle pure ASCII (scripts/build.mjs): latin1 is the cheapest decode.
  // It is written already wrapped as a CommonJS module (Module.wrap's wrapper), so the
  // text is compiled as read, without a second copy.
  const source = fs.readFileSync(file, 'latin1');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
  return { exports: mod.exports, script };
}

const { exports: pinggu, script } = load();
pinggu.run(root).then(
  (code) => {
    if (process.env.PINGGU_WRITE_CODE_CACHE === '1') fs.writeFileSync(cacheFile, script.createCachedData());
    process.exitCode = code;
  },
  // run() reports every failure itself; should one escape, it is still one line and exit 2, not a stack trace.
  (e) => {
    const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
    // Control characters (ESC, C1, bidi overrides) shown as escapes, never sent raw to the terminal.
    const text = ((e && e.message) || String(e)).replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    try {
      process.stderr.write(zh ? `pinggu：内部错误：${text}\n` : `pinggu: internal error: ${text}\n`);
      if (process.argv.includes('--verbose') && e && e.stack) process.stderr.write(`${e.stack}\n`);
    } catch {
      // stderr itself cannot be written: the exit code says it
    }
    process.exitCode = 2;
  },
);
