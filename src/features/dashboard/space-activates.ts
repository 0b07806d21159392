import type { KeyboardEvent } from 'react';

/** Links open with Enter natively; tiles also open with Space, as buttons do. */
export function spaceActivates(event: KeyboardEvent<HTMLAnchorElement>): void {
  if (event.key === ' ') {
    event.preventDefault();
    event.currentTarget.click();
  }
}
