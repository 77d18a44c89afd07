import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

let broken = true;
function Panel() {
  if (broken) throw new Error('boom');
  return <p>Panel content</p>;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('replaces only the broken panel, and can try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    render(
      <>
        <ErrorBoundary name="The site total">
          <Panel />
        </ErrorBoundary>
        <p>Other panel</p>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The site total could not be shown.');
    expect(screen.getByText('Other panel')).toBeInTheDocument();

    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Panel content')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
