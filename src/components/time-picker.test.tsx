import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { TimeRange } from '../domain/time/range';
import { TimePicker } from './time-picker';

const H = 3_600_000;
const now = Date.UTC(2026, 10, 27, 12);

function setup(range: TimeRange = { kind: 'relative', seconds: 21_600 }, span = 6 * H) {
  const onRangeChange = vi.fn<(r: TimeRange) => void>();
  const onTzChange = vi.fn();
  render(
    <TimePicker
      range={range}
      window={{ start: now - span, end: now }}
      now={now}
      tz="utc"
      onRangeChange={onRangeChange}
      onTzChange={onTzChange}
    />,
  );
  return { onRangeChange, onTzChange, user: userEvent.setup() };
}

describe('TimePicker', () => {
  test('every control is reachable by its label', async () => {
    const { onRangeChange, onTzChange, user } = setup();
    await user.selectOptions(screen.getByLabelText('Time range'), 'Last 24 hours');
    expect(onRangeChange).toHaveBeenLastCalledWith({ kind: 'relative', seconds: 86_400 });
    await user.click(screen.getByRole('button', { name: 'Earlier: step back 6 h' }));
    expect(onRangeChange).toHaveBeenLastCalledWith({
      kind: 'absolute',
      start: now - 12 * H,
      end: now - 6 * H,
    });
    expect(screen.getByRole('button', { name: 'Later: step forward 6 h' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: 'Local time' }));
    expect(onTzChange).toHaveBeenCalledWith('local');
  });

  test('a custom range is checked before it applies, in the chosen zone', async () => {
    const { onRangeChange, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Custom…' }));
    const from = screen.getByLabelText('From (UTC)');
    const to = screen.getByLabelText('To (UTC)');
    expect(from).toHaveValue('2026-11-27T06:00');
    await user.clear(to);
    await user.type(to, '2026-11-27T05:00');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The end must be after the start.');
    expect(onRangeChange).not.toHaveBeenCalled();
    await user.clear(to);
    await user.type(to, '2026-11-27T08:30');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onRangeChange).toHaveBeenCalledWith({ kind: 'absolute', start: now - 6 * H, end: now - 3.5 * H });
  });

  test.each<[string, number, string]>([
    ['now-90m', 5_400, 'Last 90 minutes'],
    ['now-1d', 86_400, 'Last 24 hours'],
    ['now-2w', 1_209_600, 'Last 2 weeks'],
  ])('%s is selected and named %s', (_, seconds, label) => {
    setup({ kind: 'relative', seconds }, seconds * 1000);
    const select = screen.getByLabelText('Time range');
    expect(select).toHaveDisplayValue(label);
    expect(select).not.toHaveTextContent(/now-/);
  });

  test('the window on screen is said to the minute, with its zone', () => {
    setup();
    expect(screen.getByText(/^27 Nov 2026|^Nov 27, 2026/).textContent?.replace(/\s/g, ' ')).toMatch(
      /(06:00|6:00 AM) – (12:00|12:00 PM) UTC$/,
    );
  });
});
