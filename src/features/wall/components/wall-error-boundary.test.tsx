import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { REDRAW_AFTER_MS, WallErrorBoundary } from './wall-error-boundary';

/** A board whose drawing fails while `board.broken` holds, as one bad answer would make it. */
const board = { broken: true };
function Board() {
  if (board.broken) throw new Error('no series for orders');
  return <p>Orders: 40/min</p>;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test('a board that failed to draw is one page, says why, and is drawn again a minute later', async () => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  board.broken = true;
  const onPages = vi.fn();
  render(
    <WallErrorBoundary what="the Checkout board" active onPages={onPages}>
      <Board />
    </WallErrorBoundary>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent(
    'Could not draw the Checkout boardno series for orders. The wall carries on with the other boards and tries this one again every 1 min.',
  );
  expect(onPages).toHaveBeenLastCalledWith(1);

  board.broken = false;
  await act(() => vi.advanceTimersByTimeAsync(REDRAW_AFTER_MS - 1000));
  expect(screen.queryByText('Orders: 40/min')).toBeNull();
  await act(() => vi.advanceTimersByTimeAsync(1000));
  expect(screen.getByText('Orders: 40/min')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
});
