// Keeps a rendering bug in one panel from blanking the whole screen. React 19 still needs a
// class component for this.
import { t } from '@/client/i18n/i18n';
import { buttonClass } from './button';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What the panel is, in the active language, for the fallback text: "The site total could not be shown." */
  name: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}] render failed`, error, info.componentStack);
  }

  private readonly reset = () => {
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="rounded-2xl border border-line bg-surface p-5 text-sm">
        <p className="font-medium text-ink">{t('dashboard.boundary.failed', { name: this.props.name })}</p>
        <p className="mt-1 text-muted">{t('dashboard.boundary.rest')}</p>
        <button type="button" onClick={this.reset} className={buttonClass('accent', 'mt-3 px-4')}>
          {t('dashboard.boundary.retry')}
        </button>
      </div>
    );
  }
}
