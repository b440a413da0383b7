// string-width 4 (used by cli-table3 for every cell) builds this very large RegExp
// anew on each call. The same pattern, built once: String#replace resets a global
// regex's lastIndex itself, so sharing it changes no result.
'use strict';
const pattern = require('../../node_modules/emoji-regex/index.js')();
module.exports = () => pattern;
