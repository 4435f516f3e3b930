import { en } from "./en";
import { makeTranslate, type Language, type Messages, type Translate } from "./index";
import { kk } from "./kk";
import { ru } from "./ru";

export const CATALOGUES: Record<Language, Messages> = { kk, ru, en };

export function translator(language: Language): Translate {
  return makeTranslate(CATALOGUES[language]);
}
