import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, ftsMatchExpression, searchWords, splitMarked } from "../../app/domain/search";

describe("the search query", () => {
  it("quotes every word and matches its start; one letter matches only itself", () => {
    expect(ftsMatchExpression("ӘКІМДІКТЕРГЕ жер")).toBe('"әкімдіктерге"* "жер"*');
    expect(ftsMatchExpression("а 14/2")).toBe('"а" "14"* "2"');
  });

  it("leaves no FTS5 syntax a user could type", () => {
    expect(ftsMatchExpression('"антенналық" OR NEAR(жер, 5) -x* body:мәтін ^y')).toBe(
      '"антенналық"* "or"* "near"* "жер"* "5" "x" "body"* "мәтін"* "y"',
    );
    for (const nothing of ['"', "*", "-", "()", "  ", ":^"]) expect(ftsMatchExpression(nothing)).toBeNull();
  });

  it("normalizes to NFC and lower case, keeps each word once, and caps the words", () => {
    expect(searchWords("Раи\u0306он РАЙОН")).toEqual(["район"]);
    expect(searchWords(Array.from({ length: 30 }, (_, i) => `сөз${i}`).join(" "))).toHaveLength(10);
  });
});

describe("marked text", () => {
  it("splits on the index's markers and drops a stray one", () => {
    expect(splitMarked(`a ${MARK_START}b${MARK_END} c`)).toEqual([
      { text: "a ", marked: false },
      { text: "b", marked: true },
      { text: " c", marked: false },
    ]);
    expect(splitMarked(`x${MARK_END}y`)).toEqual([
      { text: "x", marked: false },
      { text: "y", marked: false },
    ]);
    expect(splitMarked("<b>&</b>")).toEqual([{ text: "<b>&</b>", marked: false }]);
  });
});
