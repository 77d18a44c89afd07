import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/client/lib/query-client';
import { apiError, json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff, type Handler, unreachable } from '@/client/test/render-app';
import { KioskPage } from './kiosk-page';

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderKiosk(search: string, handlers: Record<string, Handler> = {}) {
  const bff = fakeBff({
    '/api/config': () => json(makeConfig()),
    '/api/occupancy': () => json(makeOccupancy()),
    ...handlers,
  });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const reload = vi.fn();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <KioskPage search={search} reload={reload} />
    </QueryClientProvider>,
  );
  return { ...view, bff, queryClient, reload };
}

const sign = () => screen.getByRole('region', { name: 'Entrance sign' });

function expectNothingToOperate(container: HTMLElement) {
  for (const role of ['button', 'link', 'textbox', 'combobox', 'searchbox'] as const) {
    expect(screen.queryAllByRole(role)).toHaveLength(0);
  }
  expect(container.querySelectorAll('[tabindex]')).toHaveLength(0);
}

describe('KioskPage, doors', () => {
  it('shows every door by name, each with its count and state in words, under the entrance sign', async () => {
    const { container } = renderKiosk('');
    await screen.findByRole('heading', { name: 'Riverside Library', level: 1 });
    await within(sign()).findByText('Come in');
    expect(within(sign()).getByText('37 of 120 inside')).toBeInTheDocument();
    expect(within(sign()).getByText('Space available')).toBeInTheDocument();

    const doors = screen.getByRole('list', { name: 'Doors' });
    expect(
      within(doors)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Garden door', 'Main entrance', 'Side entrance']);
    const side = within(doors).getByRole('article', { name: 'Side entrance' });
    expect(within(side).getByText('35')).toBeInTheDocument();
    expect(within(side).getByText('of 40 · 87%')).toBeInTheDocument();
    expect(within(side).getByText('Nearly full')).toBeInTheDocument();
    expect(within(doors).getByRole('article', { name: 'Garden door' })).toHaveTextContent('0people inside');
    expect(screen.getByText('Live')).toBeInTheDocument();
    expectNothingToOperate(container);
  });

  it('shows the chosen doors in the chosen order', async () => {
    renderKiosk('?devices=93,91');
    const doors = await screen.findByRole('list', { name: 'Doors' });
    const names = await within(doors).findAllByRole('heading', { level: 3 });
    expect(names.map((h) => h.textContent)).toEqual(['Side entrance', 'Main entrance']);
  });

  it('names a chosen door the site does not have', async () => {
    renderKiosk('?devices=91,999');
    expect(await screen.findByRole('heading', { name: 'This kiosk link needs a fix' })).toBeInTheDocument();
    expect(screen.getByText("Device 999 is not among this site's people counters.")).toBeInTheDocument();
    expect(screen.getByText("This site's counters are: 91, 92, 93.")).toBeInTheDocument();
  });

  it('explains a link with a mistake instead of showing something else', () => {
    const { container } = renderKiosk('?devcies=91&theme=light');
    expect(screen.getByRole('heading', { name: 'This kiosk link needs a fix' })).toBeInTheDocument();
    expect(screen.getByText(/“devcies” is not a kiosk setting/)).toBeInTheDocument();
    expect(container.querySelector('.kiosk')).toHaveAttribute('data-theme', 'light');
    expectNothingToOperate(container);
  });

  it('explains an account without PRO devices', async () => {
    renderKiosk('', { '/api/occupancy': () => json(makeOccupancy({ devices: [], notice: 'no_pro_devices', total: { in: 0, out: 0, occupancy: 0 } })) });
    expect(await screen.findByRole('heading', { name: 'No people counters to show' })).toBeInTheDocument();
  });
});

describe('KioskPage, site total', () => {
  it('shows the site total huge, with the sign in colour and words', async () => {
    renderKiosk('?mode=total');
    const inside = screen.getByRole('region', { name: 'Inside now' });
    expect(await within(inside).findByText('37')).toBeInTheDocument();
    expect(within(inside).getByText('people inside · of 120')).toBeInTheDocument();
    expect(sign()).toHaveAttribute('data-state', 'available');
    expect(within(sign()).getByText('Come in')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Doors/ })).not.toBeInTheDocument();
  });

  it('says "Please wait" when the site is full', async () => {
    renderKiosk('?mode=total', { '/api/occupancy': () => json(makeOccupancy({ total: { occupancy: 130 } })) });
    await within(sign()).findByText('Please wait');
    expect(within(sign()).getByText('Full')).toBeInTheDocument();
    expect(sign()).toHaveAttribute('data-state', 'full');
  });

  it('marks old numbers stale with their age while the sign may still be trusted', async () => {
    renderKiosk('?mode=total', {
      '/api/occupancy': () => json(makeOccupancy({ stale: true, ageSeconds: 40, staleReason: { code: 'upstream_unavailable', message: 'down' } })),
    });
    expect(await screen.findByText('Not live · 40 s old')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Inside now' })).toHaveAttribute('data-stale', 'true');
    expect(within(sign()).getByText('Come in')).toBeInTheDocument();
  });

  it('turns the sign neutral once the count is older than the outage limit', async () => {
    renderKiosk('?mode=total&outage=60', {
      '/api/occupancy': () => json(makeOccupancy({ stale: true, ageSeconds: 200, staleReason: { code: 'upstream_unavailable', message: 'down' } })),
    });
    await within(sign()).findByText('Live count unavailable');
    expect(within(sign()).getByText('Last count 3 min ago')).toBeInTheDocument();
    expect(within(sign()).queryByText(/Come in|Please wait/)).not.toBeInTheDocument();
    expect(sign()).toHaveAttribute('data-state', 'unavailable');
  });

  it('never shows a green or red sign without a count: neutral while the server cannot be reached', async () => {
    renderKiosk('?mode=total', { '/api/occupancy': unreachable, '/api/config': unreachable });
    await within(sign()).findByText('Live count unavailable');
    expect(within(sign()).getByText('Waiting for the server to answer')).toBeInTheDocument();
  });

  it('recovers by itself when answers come back', async () => {
    const { bff } = renderKiosk('?mode=total', { '/api/occupancy': () => json(apiError('upstream_unavailable', 'down'), 503) });
    await within(sign()).findByText('Live count unavailable');
    bff.set('/api/occupancy', () => json(makeOccupancy()));
    expect(await within(sign()).findByText('Come in', {}, { timeout: 3000 })).toBeInTheDocument();
  });
});

describe('KioskPage, unattended', () => {
  it('is live again within one poll of the server answering, however long the outage was', async () => {
    vi.useFakeTimers();
    try {
      const POLL_MS = 5_000;
      const { bff } = renderKiosk('?mode=total&outage=60', {
        '/api/config': () => json(makeConfig({ pollIntervalMs: POLL_MS })),
        '/api/occupancy': () => json(makeOccupancy({ ageSeconds: 0 })),
      });
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(screen.getByText('Live')).toBeInTheDocument();

      // The server goes away for two minutes (long enough for any back-off to reach its cap).
      bff.set('/api/occupancy', unreachable);
      await act(() => vi.advanceTimersByTimeAsync(2 * 60_000));
      expect(within(sign()).getByText('Live count unavailable')).toBeInTheDocument();
      expect(screen.queryByText('Live')).not.toBeInTheDocument();

      // It answers again: one poll interval later the wall is live.
      bff.set('/api/occupancy', () => json(makeOccupancy({ ageSeconds: 0 })));
      await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
      expect(screen.getByText('Live')).toBeInTheDocument();
      expect(within(sign()).getByText('Come in')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
    // Two minutes of a ticking clock re-render the page 120 times: slow on a busy machine.
  }, 30_000);

  it('reloads once when the server reports a new build', async () => {
    const { queryClient, reload } = renderKiosk('');
    await within(sign()).findByText('Come in');
    expect(reload).not.toHaveBeenCalled();
    // Each answer is handled before the next: TanStack Query tells its observers in a zero-delay
    // timeout, which the awaited zero-delay timeout (queued after it) lets run, effects and all.
    const answer = async (buildId: string) => {
      act(() => {
        queryClient.setQueryData(['config'], makeConfig({ buildId }));
      });
      await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    };
    await answer('next-build');
    expect(reload).toHaveBeenCalledTimes(1);
    // The old and the new build answering in turn (a rolling deploy): no second reload.
    await answer('test-build');
    await answer('next-build');
    expect(reload).toHaveBeenCalledTimes(1);
    sessionStorage.clear();
  });
});
