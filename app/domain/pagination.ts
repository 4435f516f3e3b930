export const PAGE_SIZE = 50;

export interface Page<T> {
  rows: T[];
  /** Rows after filtering, across all pages. */
  total: number;
  /** 1-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
}

/** The requested page ("?page=3") of rows already filtered and sorted; a bad or out-of-range number gives the nearest page. */
export function paginate<T>(rows: T[], requested: string | number | null | undefined, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const parsed = typeof requested === "number" ? requested : Number.parseInt(requested ?? "", 10);
  const page = Number.isFinite(parsed) ? Math.min(Math.max(1, Math.trunc(parsed)), pageCount) : 1;
  return { rows: rows.slice((page - 1) * size, page * size), total: rows.length, page, pageCount };
}
