import type { MinutesLanguage } from "./types";

/**
 * Kazakh, Russian or English, by letters: Latin against Cyrillic, then the share of the nine letters only
 * Kazakh has (ә ғ қ ң ө ұ ү һ і). Russian news about Kazakhstan carries a few (names like "Жетісу"), Kazakh
 * text has one in ten or so; 2 % separates them with room to spare.
 */
export function detectLanguage(text: string): MinutesLanguage {
  let latin = 0;
  let cyrillic = 0;
  let kazakh = 0;
  for (const char of text) {
    if (/[a-zA-Z]/.test(char)) latin++;
    else if (/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/.test(char)) {
      kazakh++;
      cyrillic++;
    } else if (/[\u0400-\u04FF]/.test(char)) cyrillic++;
  }
  if (latin > cyrillic) return "en";
  // At least three such letters: one Kazakh place name ("Жетісу") in a short Russian sentence is not Kazakh.
  if (cyrillic > 0 && kazakh >= 3 && kazakh / cyrillic >= 0.02) return "kk";
  // Kazakh function words, for short texts with few special letters.
  if (/(?:^|\s)(?:және|бойынша|туралы|тапсырды|тапсырылды|министрлігі\p{L}*)(?=\s|$|[.,])/iu.test(text)) return "kk";
  return "ru";
}
