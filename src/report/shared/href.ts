/**
 * A relative file path as a link: each segment percent-encoded, `/` kept, so a
 * name with `#`, `?`, `%`, spaces, parentheses or Chinese opens the right file from
 * file:// and stays one Markdown link target. Pure.
 */
export const hrefOf = (relPath: string): string =>
  relPath
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
