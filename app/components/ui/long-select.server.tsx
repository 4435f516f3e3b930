import { renderToStaticMarkup } from "react-dom/server";
import type { Choice } from "./long-select";

const rendered = new WeakMap<readonly Choice[], { none: string | undefined; markup: string }>();

/**
 * The options of a LongSelect: `none` (the empty choice, "any organization"), if given, then the choices, escaped
 * by React. Kept per list: a list kept per data version (snapshot.server.ts) is rendered once per version.
 */
export function choicesMarkup(choices: readonly Choice[], none?: string): string {
  if (choices.length === 0 && none === undefined) return "";
  const kept = rendered.get(choices);
  if (kept && kept.none === none) return kept.markup;
  const markup = renderToStaticMarkup(
    <>
      {none === undefined ? null : <option value="">{none}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>,
  );
  rendered.set(choices, { none, markup });
  return markup;
}
