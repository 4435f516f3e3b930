// Why pages need this: see collectDocument in app/entry.server.tsx.

/** Moves every non-zero byte to the front, in place, a run at a time (the zeros come in a few runs); returns how many there are. */
export function dropZeroBytes(buffer: Uint8Array): number {
  let length = 0;
  let start = 0;
  while (start < buffer.length) {
    const zero = buffer.indexOf(0, start);
    const end = zero === -1 ? buffer.length : zero;
    if (end > start && length !== start) buffer.copyWithin(length, start, end);
    length += end - start;
    if (zero === -1) break;
    start = zero + 1;
  }
  return length;
}
