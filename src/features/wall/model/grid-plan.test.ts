import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type GridInput, keepOrder, pageSlice, planGrid } from './grid-plan';

/** A 1080p wall's tile area: what is left under the header and the outcome bar. */
const HD: Omit<GridInput, 'count'> = {
  width: 1880,
  height: 760,
  gap: 16,
  minTileWidth: 326,
  minTileHeight: 184,
};

describe('tile grid plan', () => {
  test.each([
    [1, 1, 1, 1],
    [2, 2, 1, 1],
    [4, 2, 2, 1],
    [6, 3, 2, 1],
    [9, 3, 3, 1],
    [15, 5, 3, 1],
  ])('%i tiles on one 1080p page are laid out %i × %i', (count, columns, rows, pages) => {
    expect(planGrid({ ...HD, count })).toEqual({ columns, rows, perPage: count, pages });
  });

  test('more tiles than fit readably page through, shared evenly between the pages', () => {
    expect(planGrid({ ...HD, count: 16 })).toMatchObject({ perPage: 8, pages: 2 });
    expect(planGrid({ ...HD, count: 31 })).toMatchObject({ perPage: 11, pages: 3 });
  });

  test('the tiles= cap from the address pages sooner', () => {
    expect(planGrid({ ...HD, count: 9, maxPerPage: 4 })).toMatchObject({ perPage: 3, pages: 3 });
    expect(planGrid({ ...HD, count: 9, maxPerPage: 20 })).toMatchObject({ perPage: 9, pages: 1 });
  });

  test('an area not measured yet gives one page and never divides by zero', () => {
    expect(planGrid({ ...HD, width: 0, height: 0, count: 9 })).toEqual({
      columns: 1,
      rows: 1,
      perPage: 9,
      pages: 1,
    });
    expect(planGrid({ ...HD, count: 0 })).toEqual({ columns: 1, rows: 1, perPage: 1, pages: 1 });
  });

  test('tiles are never smaller than the readable minimum and every tile has a cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 200, max: 2200 }),
        fc.integer({ min: 1, max: 80 }),
        fc.option(fc.integer({ min: 1, max: 48 }), { nil: undefined }),
        (width, height, count, maxPerPage) => {
          const input: GridInput = {
            width,
            height,
            count,
            gap: 12,
            minTileWidth: Math.min(width, 0.17 * width + 40),
            minTileHeight: Math.min(height, 0.2 * height + 30),
            ...(maxPerPage === undefined ? {} : { maxPerPage }),
          };
          const plan = planGrid(input);
          expect(plan.columns * plan.rows).toBeGreaterThanOrEqual(plan.perPage);
          expect(plan.perPage * plan.pages).toBeGreaterThanOrEqual(count);
          expect(plan.perPage * (plan.pages - 1)).toBeLessThan(count);
          if (maxPerPage !== undefined) expect(plan.perPage).toBeLessThanOrEqual(maxPerPage);
          const tileWidth = (width - (plan.columns - 1) * input.gap) / plan.columns;
          const tileHeight = (height - (plan.rows - 1) * input.gap) / plan.rows;
          expect(tileWidth).toBeGreaterThanOrEqual(input.minTileWidth - 1e-9);
          expect(tileHeight).toBeGreaterThanOrEqual(input.minTileHeight - 1e-9);
        },
      ),
    );
  });

  test.each([
    [0, ['a', 'b', 'c']],
    [1, ['d', 'e']],
    [7, ['d', 'e']],
    [-1, ['a', 'b', 'c']],
  ])('page %i of five items at three a page', (page, expected) => {
    expect(pageSlice(['a', 'b', 'c', 'd', 'e'], page, 3)).toEqual(expected);
  });
});

test('a paged board keeps the order of its first page for the rest of the visit: nothing skipped, nothing twice', () => {
  // Worst first when page 1 was drawn: a, b | c, d. Then d breaches and sorts first: d, a | b, c.
  const first = ['a', 'b', 'c', 'd'];
  const resorted = ['d', 'a', 'b', 'c', 'e'].map((key) => ({ key }));
  const page2 = pageSlice(keepOrder(resorted, first), 1, 2).map((t) => t.key);
  expect(page2).toEqual(['c', 'd']);
  // A KPI added meanwhile comes last, so the pages still hold every tile once.
  expect(keepOrder(resorted, first).map((t) => t.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  // Without the kept order, page 2 of the re-sorted list would have shown b and c, skipping d.
  expect(pageSlice(resorted, 1, 2).map((t) => t.key)).toEqual(['b', 'c']);
});
