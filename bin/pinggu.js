#!/usr/bin/env node
'use strict';
const path = require('node:path');
const { run } = require('../dist/pinggu.cjs');

run(path.join(__dirname, '..')).then((code) => {
  process.exitCode = code;
});
