import type { ReactNode } from "react";

/**
 * A wide table's own sideways scroller, so a phone scrolls the table and not the page. Positioned, because the
 * table's screen-reader-only captions and headers are absolutely positioned: against an unpositioned scroller they
 * escape it and widen the whole document.
 */
export function TableScroller({ children }: { children: ReactNode }) {
  return <div className="relative overflow-x-auto">{children}</div>;
}
