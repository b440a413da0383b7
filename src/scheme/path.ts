/** A path inside a scheme document (`sections[0].items[2].target`), apart from the YAML positions it maps to. */
export type Path = readonly (string | number)[];

export const showPath = (path: Path): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
