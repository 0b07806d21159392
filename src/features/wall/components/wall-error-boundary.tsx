import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the boundary protects, for the message: "the Checkout board". */
  what: string;
  /** Only the board on screen shows its fault; the others stay out of sight like their boards. */
  active: boolean;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/**
 * A rendering fault in one board becomes a message on that board while the rest of the wall (clock,
 * rotation, other boards) carries on: a wall never turns into a blank page or an error screen.
 */
export class WallErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`Bellwether wall: ${this.props.what} failed to draw`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    if (!this.props.active) return null;
    return (
      <div className="wall-message" role="alert">
        <p className="wall-message-title">Could not draw {this.props.what}</p>
        <p>
          {this.state.error.message}. The wall carries on with the other boards; reload the page if this
          stays.
        </p>
      </div>
    );
  }
}
