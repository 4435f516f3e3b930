import { z } from "zod";
import { isCalendarDate } from "../domain/calendar";
import { cleanText } from "./form";

// Field shapes shared by the form schemas. Error messages are catalogue keys.

export const text = (max: number) =>
  z.preprocess(cleanText, z.string("validation.required").min(1, "validation.required").max(max, "validation.tooLong"));
export const optionalText = (max: number) =>
  z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      return cleaned === "" ? undefined : cleaned;
    },
    z.string().max(max, "validation.tooLong").optional(),
  );
export const optionalId = z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64, "validation.unknown").optional());
export const calendarDate = z.preprocess(
  cleanText,
  z.string("validation.required").min(1, "validation.required").refine(isCalendarDate, "validation.date"),
);
export const optionalCalendarDate = z.preprocess(
  (value) => (cleanText(value) === "" ? undefined : cleanText(value)),
  z.string().refine(isCalendarDate, "validation.date").optional(),
);
// Hidden fields: a tampered value gets the same translated message as a choice outside the list.
export const version = z.coerce.number("validation.unknown").int("validation.unknown").min(1, "validation.unknown");

export const optionalNumber = z.preprocess(
  (value) => {
    const cleaned = typeof value === "string" ? value.replace(/\s/g, "").replace(",", ".") : value;
    return cleaned === "" || cleaned === undefined ? undefined : Number(cleaned);
  },
  z.number("validation.number").finite("validation.number").optional(),
);

