import type { SelectHTMLAttributes } from "react";

/** One choice of a long list: what is submitted and what the reader sees. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * A select whose options arrive as markup rendered once on the server (`choicesMarkup` in long-select.server.tsx),
 * for lists of hundreds that stay the same between requests: the register's organizations, for one. Rendered as
 * elements on every page, such a list cost more server time than the rest of the page, and again as hydration data.
 * The chosen value is marked in the markup itself, so the page shows it without JavaScript.
 */
export function LongSelect({ markup, value, ...props }: { markup: string; value: string | undefined } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "defaultValue" | "children">) {
  return <select {...props} dangerouslySetInnerHTML={{ __html: markChosen(markup, value) }} />;
}

/** The markup with `value`'s option selected. Values are ids: anything else is not among the choices, so nothing is marked. */
export function markChosen(markup: string, value: string | undefined): string {
  if (!value || !/^[\w-]+$/.test(value)) return markup;
  const option = `<option value="${value}">`;
  const at = markup.indexOf(option);
  return at === -1 ? markup : `${markup.slice(0, at)}<option value="${value}" selected="">${markup.slice(at + option.length)}`;
}
