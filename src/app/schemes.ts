/**
 * The bundled schemes (criteria/*.yaml) as the page carries them: scripts/build-app.mjs
 * replaces this module with their text; run from src/ (a test), the list is empty.
 */
export interface BundledText {
  id: string;
  /** As the command line names it: `criteria/<id>.yaml`. */
  file: string;
  title: string;
  text: string;
}

export const SCHEMES: BundledText[] = [];
