import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropZeroBytes } from "../../app/utils/zero-bytes";
import { runs } from "../support/properties";

describe("dropZeroBytes", () => {
  it("keeps exactly the non-zero bytes, in order", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.array(fc.nat(5000), { maxLength: 20 }), (bytes, zeroAt) => {
        // Zeros are rare in random bytes: plant runs of them, as React's renderer leaves them.
        const buffer = Uint8Array.from(bytes);
        for (const at of zeroAt) buffer.fill(0, at % (buffer.length + 1), (at % (buffer.length + 1)) + (at % 7));
        const expected = buffer.filter((byte) => byte !== 0);
        const length = dropZeroBytes(buffer);
        expect(Array.from(buffer.subarray(0, length))).toEqual(Array.from(expected));
      }),
      runs(200),
    );
  });

  it("turns a page with a NUL-padded chunk back into its UTF-8 text", () => {
    const text = "Тапсырма орындалды: Ақмола облысының әкімдігі";
    const encoded = new TextEncoder().encode(text);
    const padded = new Uint8Array(encoded.length + 9);
    padded.set(encoded.subarray(0, 11), 0);
    padded.set(encoded.subarray(11), 20);
    expect(new TextDecoder().decode(padded.subarray(0, dropZeroBytes(padded)))).toBe(text);
  });
});
