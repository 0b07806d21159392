import { describe, expect, test } from 'vitest';
import { clampPosition, jumpBoard, nextPosition, nextStepAt, rotates } from './rotation';

describe('wall rotation', () => {
  test.each([
    ['next page of the same board', { board: 0, page: 0 }, 2, 2, { board: 0, page: 1 }],
    ['last page moves to the next board', { board: 0, page: 1 }, 2, 2, { board: 1, page: 0 }],
    ['the last board wraps to the first', { board: 1, page: 0 }, 2, 1, { board: 0, page: 0 }],
    ['one board pages round', { board: 0, page: 2 }, 1, 3, { board: 0, page: 0 }],
    ['one page of one board stays', { board: 0, page: 0 }, 1, 1, { board: 0, page: 0 }],
    ['a page past the end (after a resize) moves on', { board: 0, page: 5 }, 3, 2, { board: 1, page: 0 }],
    ['no boards at all', { board: 3, page: 1 }, 0, 1, { board: 0, page: 0 }],
  ])('%s', (_, position, boards, pages, expected) => {
    expect(nextPosition(position, boards, pages)).toEqual(expected);
  });

  test('a full cycle visits every page of every board once', () => {
    const pages = [2, 1, 3];
    let position = { board: 0, page: 0 };
    const seen: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      seen.push(`${position.board}.${position.page}`);
      position = nextPosition(position, pages.length, pages[position.board] ?? 1);
    }
    expect(seen).toEqual(['0.0', '0.1', '1.0', '2.0', '2.1', '2.2']);
    expect(position).toEqual({ board: 0, page: 0 });
  });

  test('clamping keeps a valid position as the same object', () => {
    const position = { board: 1, page: 0 };
    expect(clampPosition(position, 2, 1)).toBe(position);
    expect(clampPosition({ board: 4, page: 3 }, 2, 2)).toEqual({ board: 1, page: 1 });
  });

  test.each([
    [1, 1, false],
    [2, 1, true],
    [1, 2, true],
  ])('%i boards with %i pages rotate: %s', (boards, pages, expected) => {
    expect(rotates(boards, pages)).toBe(expected);
  });

  test('steps keep a fixed cadence however late each one is drawn', () => {
    const step = 60_000;
    let due = nextStepAt(undefined, 1_000, step);
    expect(due).toBe(61_000);
    // Each step is drawn 250 ms late; a day of steps still lands on the cadence.
    for (let i = 0; i < 1440; i += 1) due = nextStepAt(due, due + 250, step);
    expect(due).toBe(61_000 + 1440 * step);
  });

  test('after a pause longer than a step the cadence restarts from now instead of racing', () => {
    expect(nextStepAt(61_000, 61_000 + 5 * 60_000, 60_000)).toBe(61_000 + 6 * 60_000);
    expect(nextStepAt(61_000, 121_000, 60_000)).toBe(181_000);
    expect(nextStepAt(61_000, 120_999, 60_000)).toBe(121_000);
  });

  test.each([
    [{ board: 0, page: 2 }, 3, 1, { board: 1, page: 0 }],
    [{ board: 2, page: 0 }, 3, 1, { board: 0, page: 0 }],
    [{ board: 0, page: 1 }, 3, -1, { board: 2, page: 0 }],
    [{ board: 1, page: 0 }, 3, -1, { board: 0, page: 0 }],
    [{ board: 0, page: 0 }, 0, 1, { board: 0, page: 0 }],
  ])('a key press from %o of %i boards by %i goes to %o', (from, count, by, to) => {
    expect(jumpBoard(from, count, by)).toEqual(to);
  });
});
