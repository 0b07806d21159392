/** Where the wall is in its playlist: which board, and which page of that board's tiles. */
export interface RotationPosition {
  board: number;
  page: number;
}

/**
 * The next step of the rotation: the board's next page, else the next board's first page, wrapping
 * round. Pages are part of the rotation, so a board with more tiles than fit is shown in full.
 */
export function nextPosition(
  position: RotationPosition,
  boardCount: number,
  pagesOfCurrent: number,
): RotationPosition {
  if (boardCount <= 0) return { board: 0, page: 0 };
  const current = clampPosition(position, boardCount, pagesOfCurrent);
  if (current.page + 1 < pagesOfCurrent) return { board: current.board, page: current.page + 1 };
  return { board: (current.board + 1) % boardCount, page: 0 };
}

/** Keeps a position valid when the playlist or the page count shrinks (a resize, a board removed). */
export function clampPosition(
  position: RotationPosition,
  boardCount: number,
  pagesOfCurrent: number,
): RotationPosition {
  const board = boardCount <= 0 ? 0 : Math.min(Math.max(0, position.board), boardCount - 1);
  const page = Math.min(Math.max(0, position.page), Math.max(0, pagesOfCurrent - 1));
  return board === position.board && page === position.page ? position : { board, page };
}

/** Whether there is anything to rotate through at all; a single page of a single board stands still. */
export function rotates(boardCount: number, pagesOfCurrent: number): boolean {
  return boardCount > 1 || pagesOfCurrent > 1;
}

/**
 * When the step after one due at `previous` is due: a fixed cadence from the first step, so the time React
 * takes to draw each step never adds up into drift over weeks. After a pause longer than a step (a sleeping
 * machine, a throttled tab) the cadence starts again from now rather than racing through missed steps.
 */
export function nextStepAt(previous: number | undefined, now: number, stepMs: number): number {
  if (previous === undefined || previous + stepMs <= now) return now + stepMs;
  return previous + stepMs;
}

/** The first page of the board `by` boards away (1 the next, -1 the previous), wrapping round: a key press. */
export function jumpBoard(position: RotationPosition, boardCount: number, by: number): RotationPosition {
  if (boardCount <= 0) return { board: 0, page: 0 };
  return { board: (((position.board + by) % boardCount) + boardCount) % boardCount, page: 0 };
}
