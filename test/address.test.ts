/** A1 addresses: the hand-written scanner must accept exactly what Excel writes. */
import { cellAddress, columnIndex, columnName, parseCell, parseRange, rangeAddress } from "../src/core/address";

test.each([
  ["A1", 0, 0],
  ["$B$3", 2, 1],
  ["aa10", 9, 26],
  [" C7 ", 6, 2],
  ["XFD1048576", 1048575, 16383],
])("%s is row %i, column %i", (a, row, col) => {
  expect(parseCell(a)).toEqual({ row, col });
});

test.each(["", "A", "1", "A0", "AAAA1", "A1B", "$", "A$", "1A", "A-1", "Ａ1"])("%j is not a cell address", (a) => {
  expect(() => parseCell(a)).toThrow(/not a cell address/);
});

test("names, indexes and ranges round-trip", () => {
  for (const col of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnName(col))).toBe(col);
  for (const [r, c] of [
    [0, 0],
    [99, 27],
    [1048575, 16383],
  ])
    expect(parseCell(cellAddress(r, c))).toEqual({ row: r, col: c });
  expect(rangeAddress(parseRange("'Sheet 1'!$C$4:A1"))).toBe("A1:C4");
  expect(rangeAddress(parseRange("B2"))).toBe("B2");
});
