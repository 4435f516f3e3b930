import { z } from "zod";
import { cleanText } from "./form";

import { SEARCH_QUERY_MAX_LENGTH } from "../domain/search";

// The search box's query lives in the URL (GET /search?q=…), so a search can be bookmarked or shared.
// An over-long query is cut rather than refused: the first words still search.
export const searchParamsSchema = z.object({
  q: z
    .preprocess((value) => {
      const cleaned = cleanText(value);
      return typeof cleaned === "string" ? cleaned.slice(0, SEARCH_QUERY_MAX_LENGTH) : cleaned;
    }, z.string().optional())
    .catch(undefined),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;
