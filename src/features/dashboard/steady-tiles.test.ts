import { describe, expect, test } from 'vitest';
import type { KpiTileView } from '../../domain/board/board-types';
import { sameTile } from './steady-tiles';

const placeholder = (over: Partial<KpiTileView> = {}): KpiTileView => ({
  id: 'orders',
  title: 'Orders',
  category: 'health',
  status: 'pending',
  valueText: '—',
  dimmed: false,
  notes: [],
  points: [],
  lines: [],
  sparklineLabel: '',
  ...over,
});
const points = [{ t: 0, v: 1 }];

describe('sameTile', () => {
  test.each([
    { case: 'two placeholders built anew', a: placeholder(), b: placeholder(), same: true },
    { case: 'a verdict arrived', a: placeholder(), b: placeholder({ status: 'ok' }), same: false },
    { case: 'the board went stale', a: placeholder(), b: placeholder({ staleAge: '5 min' }), same: false },
    { case: 'the same series', a: placeholder({ points }), b: placeholder({ points }), same: true },
    {
      case: 'a new series',
      a: placeholder({ points }),
      b: placeholder({ points: [...points] }),
      same: false,
    },
    {
      case: 'an equal change',
      a: placeholder({ change: { text: '+2 %', tone: 'good' } }),
      b: placeholder({ change: { text: '+2 %', tone: 'good' } }),
      same: true,
    },
    {
      case: 'a change of tone',
      a: placeholder({ change: { text: '+2 %', tone: 'good' } }),
      b: placeholder({ change: { text: '+2 %', tone: 'bad' } }),
      same: false,
    },
    { case: 'a note added', a: placeholder(), b: placeholder({ notes: ['PartialData'] }), same: false },
  ])('$case', ({ a, b, same }) => {
    expect(sameTile(a, b)).toBe(same);
  });
});
