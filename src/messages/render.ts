/** What every area's message file shares: the renderer type and list words. */
import type { Lang } from '../diagnostics';

/** For each code of an area, its words in English and in Chinese. */
export type Renderers<A> = { [K in keyof A]: Record<Lang, (a: A[K]) => string> };

/** A list in English: "a, b". */
export const en = (xs: readonly string[]) => xs.join(', ');
/** A list in Chinese: "a、b". */
export const zh = (xs: readonly string[]) => xs.join('、');
/** "scores" for one item, "score" for several. */
export const scores = (xs: readonly string[]) => (xs.length === 1 ? 'scores' : 'score');
