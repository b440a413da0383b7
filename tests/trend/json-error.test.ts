/** Positions of JSON syntax errors from V8's JSON.parse (src/trend/json-error.ts), through the report reader's messages. */
import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from '../../src/trend/json-error';

const at = (text: string) => {
  const { line, col } = jsonErrorAt(text);
  return `${line}:${col}`;
};

describe('jsonErrorAt', () => {
  it('truncated, trailing comma, bad escape, CRLF, a BOM left in: where the parser stops', () => {
    expect(at('{\n  "a": [1, 2')).toBe('2:13'); // the end: ran out
    expect(at('{\r\n  "a": 1,\r\n}\r\n')).toBe('3:1'); // a property name expected, '}' found
    expect(at('[1, 2,]')).toBe('1:7'); // an unexpected token: V8 gives no position
    expect(at('{"a": "\\q"}')).toBe('1:9');
    expect(at('\ufeff{}')).toBe('1:1');
  });

  it('a number cut short: the character where a digit is missing', () => {
    expect(at('{"a":-}')).toBe('1:7');
    expect(at('{"a":1.}')).toBe('1:8');
    expect(at('{"a":1e}')).toBe('1:8');
  });

  it('an unexpected token in a long text, the context V8 quotes found once or twice', () => {
    const row = '{"k": "ab,ab,ab,ab,ab,ab"},\n';
    const once = `[\n${row.repeat(50)}{"k": "unique"},,\n${row.repeat(50)}{}]`;
    expect(jsonErrorAt(once)).toMatchObject({ line: 52, col: 17, offset: once.indexOf(',,') + 1 });
    // The quoted context is also in a string before it: found by asking the parser about prefixes.
    const seq = '1,2,3,4,5,6,7,8,9,0,,1,2,3,4,5,6,7,8,9';
    const twice = `{"s": "${seq}",\n "a": [${seq}]}`;
    expect(jsonErrorAt(twice)).toMatchObject({ line: 2, col: 28, offset: twice.lastIndexOf(',,') + 1 });
  });

  it('a text that parses: its end', () => {
    expect(jsonErrorAt('{"a": 1}').offset).toBe(8);
  });
});
