import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, ftsMatchExpression, markMatches, searchWords, splitMarked, tsQueryText } from "../../app/domain/search";

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

describe("the PostgreSQL side of search", () => {
  const shown = (value: string) => value.replaceAll(MARK_START, "[").replaceAll(MARK_END, "]");

  it("asks to_tsquery for every word as a quoted prefix, one letter exactly, nothing a user could type as an operator", () => {
    expect(tsQueryText("ӘКІМДІКТЕРГЕ жер а")).toBe("'әкімдіктерге':* & 'жер':* & 'а'");
    expect(tsQueryText("x' | !y & (z:*)")).toBe("'x' & 'y' & 'z'");
    expect(tsQueryText("'&|!")).toBeNull();
  });

  it("marks the words the query finds, in any letter case, and leaves tags as text", () => {
    expect(shown(markMatches("Әкімдіктерге ҚАЗАҚ тілі", "әкімдік қазақ"))).toBe("[Әкімдіктерге] [ҚАЗАҚ] тілі");
    expect(shown(markMatches('Тексеру <img src=x onerror="alert(1)"> белгісөз', "белгісөз"))).toBe('Тексеру <img src=x onerror="alert(1)"> [белгісөз]');
    expect(shown(markMatches("а ауыл", "а"))).toBe("[а] ауыл");
  });

  it("cuts a long text to a window around the first match, with an ellipsis where it was cut", () => {
    const text = [...Array.from({ length: 100 }, (_, i) => `w${i}`), "табылды", ...Array.from({ length: 100 }, (_, i) => `z${i}`)].join(" ");
    const snippet = markMatches(text, "табыл", 40);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(shown(snippet)).toContain("[табылды]");
    expect(snippet.split(" ")).toHaveLength(40);
    expect(markMatches("қысқа мәтін", "жоқ", 40)).toBe("қысқа мәтін");
  });
});
