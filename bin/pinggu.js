#!/usr/bin/env node
'use strict';
// Loads the single-file bundle through V8's code cache when the build left one
// (dist/pinggu.cache, made by `npm run build`): Node 20 has no module compile
// cache of its own, and compiling the bundle is most of the start-up time.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const root = path.join(__dirname, '..');
const file = path.join(root, 'dist', 'pinggu.cjs');
const cacheFile = path.join(root, 'dist', 'pinggu.cache');

function load() {
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
  return { exports: mod.exports, script };
}

const { exports: pinggu, script } = load();
pinggu.run(root).then((code) => {
  if (process.env.PINGGU_WRITE_CODE_CACHE === '1') fs.writeFileSync(cacheFile, script.createCachedData());
  process.exitCode = code;
});
