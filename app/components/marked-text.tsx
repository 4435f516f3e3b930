import { Fragment } from "react";
import { splitMarked } from "../domain/search";

/**
 * Text from the search index with its matched words in <mark>. The text stays text: React escapes every
 * run, and the marks come from private-use characters the index put in, never from HTML.
 */
export function MarkedText({ value }: { value: string }) {
  return (
    <>
      {splitMarked(value).map((part, index) =>
        part.marked ? (
          <mark key={index} className="rounded-sm bg-accent-400/40 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
