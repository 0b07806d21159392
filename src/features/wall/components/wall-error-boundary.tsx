import { Component, type ErrorInfo, type ReactElement, type ReactNode, useEffect } from 'react';

/** How long a board that failed to draw waits before it is drawn again. */
export const REDRAW_AFTER_MS = 60_000;

interface Props {
  /** What the boundary protects, for the message: "the Checkout board". */
  what: string;
  /** Only the board on screen shows its fault; the others stay out of sight like their boards. */
  active: boolean;
  /** The fault is one page, whatever the board it replaces had. */
  onPages: (pages: number) => void;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/** The message in place of a board, counted as one page of the rotation. */
function BoardFault(props: { what: string; error: Error; onPages: (pages: number) => void }): ReactElement {
  const { onPages } = props;
  useEffect(() => onPages(1), [onPages]);
  return (
    <div className="wall-message" role="alert">
      <p className="wall-message-title">Could not draw {props.what}</p>
      <p>
        {props.error.message}. The wall carries on with the other boards and tries this one again every{' '}
        {REDRAW_AFTER_MS / 60_000} min.
      </p>
    </div>
  );
}

/**
 * A rendering fault in one board becomes a message on that board while the rest of the wall (clock,
 * rotation, other boards) carries on: a wall never turns into a blank page or an error screen. Nobody is
 * there to reload it, so the board is drawn again a minute later: a fault that came from one bad answer
 * clears by itself.
 */
export class WallErrorBoundary extends Component<Props, State> {
  override state: State = {};
  #redraw: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`Bellwether wall: ${this.props.what} failed to draw`, error, info.componentStack);
    clearTimeout(this.#redraw);
    this.#redraw = setTimeout(() => this.setState({ error: undefined }), REDRAW_AFTER_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.#redraw);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    if (!this.props.active) return null;
    return <BoardFault what={this.props.what} error={this.state.error} onPages={this.props.onPages} />;
  }
}
