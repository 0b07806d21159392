import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Sparkline } from './sparkline';

const points = [
  { t: 0, v: 400 },
  { t: 60_000, v: 900 },
  { t: 120_000, v: 500 },
];
const label = 'Checkout latency over the last 6 hours: from 400 to 500, low 400, high 900';

/** An IntersectionObserver the test drives: `show()` reports every observed element on screen. */
function stubObserver(): { show: () => void } {
  const observers: Array<{ callback: IntersectionObserverCallback; elements: Element[] }> = [];
  class Stub {
    readonly elements: Element[] = [];
    constructor(readonly callback: IntersectionObserverCallback) {
      observers.push(this);
    }
    observe(element: Element): void {
      this.elements.push(element);
    }
    disconnect(): void {}
  }
  vi.stubGlobal('IntersectionObserver', Stub);
  return {
    show: () => {
      for (const o of observers) {
        const entries = o.elements.map((target) => ({ target, isIntersecting: true }));
        o.callback(entries as unknown as IntersectionObserverEntry[], o as unknown as IntersectionObserver);
      }
    },
  };
}

const pathOf = (): string | null => document.querySelector('.sparkline-line')?.getAttribute('d') ?? null;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sparkline', () => {
  test('draws at once, as an image named by its label', () => {
    stubObserver();
    render(<Sparkline points={points} label={label} />);
    expect(screen.getByRole('img', { name: label })).toBeInTheDocument();
    expect(pathOf()).toMatch(/^M0 /);
  });

  test('a lazy one is named from the start and drawn once it comes near the viewport', () => {
    const observer = stubObserver();
    render(<Sparkline points={points} label={label} lazy />);
    expect(screen.getByRole('img', { name: label })).toBeInTheDocument();
    expect(pathOf()).toBe('');
    act(() => observer.show());
    expect(pathOf()).toMatch(/^M0 /);
  });
});
