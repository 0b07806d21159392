import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { KpiTileView } from '../domain/board/board-types';
import { KpiTile } from './kpi-tile';
import { StatusBadge } from './status-badge';

const model: KpiTileView = {
  id: 'p99',
  title: 'Checkout latency (p99)',
  category: 'health',
  valueText: '1.32 s',
  dimmed: false,
  notes: [],
  change: { text: '+12 % over last 6 h', tone: 'bad' },
  status: 'breached',
  reason: 'p99 latency above 800 ms in 3 of the last 5 minutes',
  points: [
    { t: 0, v: 400 },
    { t: 60_000, v: 900 },
  ],
  lines: [{ value: 800, kind: 'breached', label: 'Breached at 800 ms' }],
  sparklineLabel: 'Checkout latency (p99) over last 6 h',
};

describe('KPI tile', () => {
  test('is a named article with value, change, status word and reason', () => {
    render(<KpiTile model={model} />);
    const tile = screen.getByRole('article', { name: 'Checkout latency (p99)' });
    expect(within(tile).getByTestId('kpi-value')).toHaveTextContent('1.32 s');
    expect(within(tile).getByText('+12 % over last 6 h')).toHaveClass('change-bad');
    expect(within(tile).getByText('Breached')).toBeInTheDocument();
    expect(within(tile).getByText(/above 800 ms in 3 of the last 5 minutes/)).toBeInTheDocument();
    expect(
      within(tile).getByRole('img', { name: 'Checkout latency (p99) over last 6 h' }),
    ).toBeInTheDocument();
  });

  test('the sparkline is an image named by its summary in words, and not a tab stop', () => {
    const label =
      'Checkout latency (p99) over the last 6 hours: from 400 ms to 900 ms, low 400 ms, high 900 ms';
    const { container } = render(<KpiTile model={{ ...model, sparklineLabel: label }} />);
    const sparkline = screen.getByRole('img', { name: label });
    expect(sparkline.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(container.querySelectorAll('[tabindex], [role="application"]')).toHaveLength(0);
  });

  test('old data says its age instead of a change, drawn faintly, with CloudWatch notes listed', () => {
    render(
      <KpiTile
        model={{
          ...model,
          dimmed: true,
          age: 'as of 18:49 UTC, 40 min ago',
          notes: ['CloudWatch ArithmeticError: data-points have been dropped'],
        }}
      />,
    );
    const tile = screen.getByRole('article', { name: 'Checkout latency (p99)' });
    expect(within(tile).getByTestId('kpi-value')).toHaveClass('is-dimmed');
    expect(within(tile).getByTestId('kpi-age')).toHaveTextContent('as of 18:49 UTC, 40 min ago');
    expect(within(tile).queryByText('+12 % over last 6 h')).toBeNull();
    expect(within(tile).getByTestId('kpi-note')).toHaveTextContent(/ArithmeticError/);
  });

  test('a board whose refreshes stopped shows its age instead of a verdict', () => {
    render(<KpiTile model={{ ...model, status: 'ok', staleAge: '5 min' }} />);
    const tile = screen.getByRole('article', { name: 'Checkout latency (p99)' });
    expect(within(tile).getByText('Stale · 5 min')).toBeInTheDocument();
    expect(within(tile).queryByText('OK')).toBeNull();
  });

  test('renders names and reasons as text, never as HTML', () => {
    const hostile = { ...model, title: '<img src=x onerror=alert(1)>', reason: '<script>alert(1)</script>' };
    const { container } = render(<KpiTile model={hostile} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument();
  });

  test.each([
    ['ok', 'OK'],
    ['at-risk', 'At risk'],
    ['breached', 'Breached'],
    ['no-data', 'No data'],
    ['error', 'Error'],
    ['unknown', 'Not judged'],
    ['pending', 'Loading'],
  ] as const)('status %s is shown with an icon and the word %s', (status, word) => {
    const { container } = render(<StatusBadge status={status} />);
    expect(screen.getByText(word)).toBeInTheDocument();
    expect(container.querySelector('svg.status-icon')).not.toBeNull();
    expect(container.firstElementChild).toHaveAttribute('data-status', status);
  });
});
