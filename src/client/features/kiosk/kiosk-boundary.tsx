// A kiosk panel's error boundary: nobody is there to press "Try again", so the fallback is a calm
// line of text and the panel tries again by itself with the next answer (a new resetKey).
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '@/client/i18n/i18n';

interface KioskBoundaryProps {
  /** Changes with every new answer; a changed key re-renders the panel. */
  resetKey: unknown;
  children: ReactNode;
}

interface KioskBoundaryState {
  failedAt: unknown;
  failed: boolean;
}

export class KioskBoundary extends Component<KioskBoundaryProps, KioskBoundaryState> {
  override state: KioskBoundaryState = { failed: false, failedAt: undefined };

  static getDerivedStateFromError(): Partial<KioskBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: KioskBoundaryProps, state: KioskBoundaryState): Partial<KioskBoundaryState> | null {
    if (!state.failed) return { failedAt: props.resetKey };
    // Failed earlier: a newer answer is a new chance.
    if (props.resetKey !== state.failedAt) return { failed: false, failedAt: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[kiosk] a panel failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="grid h-full place-items-center p-[4vmin] text-center text-[3.2vmin] text-muted">
        <p>{t('kiosk.panelFailed')}</p>
      </div>
    );
  }
}
