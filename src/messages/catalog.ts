/**
 * The message catalog: every code of `./codes.ts` in English and Chinese. A code
 * without both renderers does not compile (the mapped type), and
 * tests/report/messages.test.ts renders each with sample arguments.
 */
import type { Lang, Msg } from '../diagnostics';
import { APP } from './app';
import { CLI } from './cli';
import type { Message, MessageArgs, Text } from './codes';
import { DATA } from './data';
import { PLAN } from './plan';
import { ENGINE } from './engine';
import { FORECAST } from './forecast';
import { LINES } from './lines';
import { PARTS } from './parts';
import { COMBOS } from './combos';
import type { Renderers } from './render';
import { RELATIVE } from './relative';
import { REPORT } from './report';
import { SCHEME } from './scheme';
import { TREND } from './trend';

export const CATALOG: Renderers<MessageArgs> = {
  ...ENGINE,
  ...DATA,
  ...SCHEME,
  ...CLI,
  ...TREND,
  ...REPORT,
  ...APP,
  ...FORECAST,
  ...PLAN,
  ...LINES,
  ...RELATIVE,
  ...PARTS,
  ...COMBOS,
};

/** A message in one language. */
export function say(t: Text, lang: Lang): string {
  if (!('code' in t)) return t[lang];
  const r = CATALOG[t.code][lang] as (a: Message['args']) => string;
  return r(t.args);
}

/** A message in both languages (for what still takes a `Msg`). */
export const both = (t: Text): Msg => ('code' in t ? { en: say(t, 'en'), zh: say(t, 'zh') } : t);
