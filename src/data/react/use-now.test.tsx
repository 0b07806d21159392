import { render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { useNow } from './use-now';

afterEach(() => {
  vi.useRealTimers();
});

/** Records every time it draws, as a board does, to catch a frame drawn with an old clock. */
function Clock(props: { running: boolean; drawn: number[] }) {
  const now = useNow(props.running ? 5000 : null);
  props.drawn.push(now);
  return <p>{now}</p>;
}

test('a clock that starts again never draws a frame with the time it stopped at', () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(1_000_000);
  const drawn: number[] = [];
  const { rerender } = render(<Clock running={false} drawn={drawn} />);
  expect(screen.getByText('1000000')).toBeInTheDocument();
  vi.setSystemTime(1_600_000);
  drawn.length = 0;
  rerender(<Clock running drawn={drawn} />);
  expect(screen.getByText('1600000')).toBeInTheDocument();
  // Every frame React drew for the restart, committed or not, already had the new time.
  expect(drawn.filter((t) => t !== 1_600_000)).toEqual([]);
});
