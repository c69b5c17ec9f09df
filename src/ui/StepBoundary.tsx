import { Component, type ReactNode } from 'react';
import { Actions, Button } from './Button';
import { Screen } from './Screen';

interface StepBoundaryProps {
  /** Words in the current language: the boundary sits below the catalog, so it never needs the chunk that failed. */
  text: { title: string; body: string; retry: string };
  children: ReactNode;
  /** Called when the person asks to try again, before the step renders anew (e.g. to forget a failed download). */
  onRetry?: () => void;
}

interface StepBoundaryState {
  failed: boolean;
}

/**
 * Keeps a step that could not render (most often a screen's code that did not download) from blanking the widget:
 * the person sees what happened and can try again, which renders the step anew and fetches its code again.
 */
export class StepBoundary extends Component<StepBoundaryProps, StepBoundaryState> {
  override state: StepBoundaryState = { failed: false };

  static getDerivedStateFromError(): StepBoundaryState {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { title, body, retry } = this.props.text;
    return (
      <Screen title={title} className="cw-screen--guidance">
        <p>{body}</p>
        <Actions>
          <Button
            onClick={() => {
              this.props.onRetry?.();
              this.setState({ failed: false });
            }}
          >
            {retry}
          </Button>
        </Actions>
      </Screen>
    );
  }
}
