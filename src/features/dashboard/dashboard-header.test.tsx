import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { TimeRange } from '../../domain/time/range';
import { DashboardHeader } from './dashboard-header';

function setup(range: TimeRange) {
  const onRangeChange = vi.fn<(r: TimeRange) => void>();
  render(
    <DashboardHeader
      title="Checkout"
      range={range}
      variables={{}}
      values={{}}
      refresh={{ state: 'idle' }}
      onRangeChange={onRangeChange}
      onVariableChange={() => {}}
    />,
  );
  return { onRangeChange, select: screen.getByLabelText('Time range') as HTMLSelectElement };
}

describe('the desk header’s time range', () => {
  test.each<[string, TimeRange, string | RegExp]>([
    ['a quick range', { kind: 'relative', seconds: 10_800 }, 'Last 3 hours'],
    ['a day, however the address wrote it', { kind: 'relative', seconds: 86_400 }, 'Last 24 hours'],
    ['another moving range, in words', { kind: 'relative', seconds: 5400 }, 'Last 90 minutes'],
    [
      'a frozen range, in words',
      { kind: 'absolute', start: Date.UTC(2026, 11, 1, 18), end: Date.UTC(2026, 11, 1, 21, 30) },
      // In the runtime's locale and zone (UTC under test), never as ISO text.
      /^(1 Dec|Dec 1,) 2026, (18:00|6:00)/,
    ],
  ])('shows %s as the chosen option', (_, range, label) => {
    const { select } = setup(range);
    const shown = select.selectedOptions[0]?.textContent?.replace(/\s/g, ' ') ?? '';
    if (typeof label === 'string') expect(shown).toBe(label);
    else expect(shown).toMatch(label);
  });

  test('picking a quick range gives the typed range', async () => {
    const { onRangeChange } = setup({ kind: 'relative', seconds: 5400 });
    await userEvent.setup().selectOptions(screen.getByLabelText('Time range'), 'Last 7 days');
    expect(onRangeChange).toHaveBeenCalledWith({ kind: 'relative', seconds: 604_800 });
  });
});
