/** The lint of `effort:` (the effort per lever unit of `pinggu plan`, docs/plan.md#effort): it needs a lever. */
import { message } from '../messages/codes';
import type { Ctx } from './lint-context';

/** An item with `effort:` and no `lever:`: the effort would be silently ignored. */
export function effortNeedsLever({ items, rep }: Ctx): void {
  for (const { input, path } of items) {
    if (input.effort !== undefined && input.lever === undefined)
      rep.error([...path, 'effort'], message('scheme/effort-without-lever', { item: String(input.id) }));
  }
}
