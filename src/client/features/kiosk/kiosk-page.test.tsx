import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/client/lib/query-client';
import { apiError, json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff, type Handler, unreachable } from '@/client/test/render-app';
import { KioskPage } from './kiosk-page';
import { buildingConfig, buildingOccupancy } from './kiosk-spaces-fixture';

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
    expect(screen.queryByRole('list', { name: /Spaces/ })).not.toBeInTheDocument();
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

describe('KioskPage, spaces', () => {
  const building = { '/api/config': () => json(buildingConfig()), '/api/occupancy': () => json(buildingOccupancy()) };
  const cardNames = async (name: RegExp | string) =>
    (await within(await screen.findByRole('list', { name })).findAllByRole('heading', { level: 3 })).map((h) => h.textContent);

  it("shows the site's entrance sign and a card per room under it, each with its state in words, and no doors", async () => {
    const { container } = renderKiosk('', building);
    // The site is the sign (its number, capacity and state), not a card repeating it.
    expect(await cardNames('Spaces')).toEqual(['Library', 'Café', 'Pool hall', 'Gym']);
    const list = screen.getByRole('list', { name: 'Spaces' });
    const card = (name: string) => within(list).getByRole('article', { name });
    // The café's own threshold (0.7) as the server applied it: 75 % is nearly full there.
    expect(card('Café')).toHaveTextContent('30of 40 · 75%Nearly full');
    expect(card('Pool hall')).toHaveTextContent('40of 40 · 100%Full');
    expect(card('Library')).toHaveTextContent('Live count unavailable');
    expect(card('Gym')).toHaveTextContent('8people inside');
    expect(screen.queryByRole('list', { name: /Doors/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Main entrance|Café door|Pool exit/)).not.toBeInTheDocument();
    expect(sign()).toHaveAttribute('data-state', 'available');
    expect(within(sign()).getByText('58 of 120 inside')).toBeInTheDocument();
    expectNothingToOperate(container);
  });

  it('shows one chosen space, whose card says its state: no sign of the whole site above it', async () => {
    renderKiosk('?space=cafe', building);
    expect(await cardNames('Spaces')).toEqual(['Café']);
    expect(screen.queryByRole('region', { name: 'Entrance sign' })).not.toBeInTheDocument();
  });

  it('shows several chosen spaces in the order given', async () => {
    renderKiosk('?spaces=pool,site', building);
    expect(await cardNames('Spaces')).toEqual(['Pool hall', 'Whole building']);
  });

  it('shows the spaces of the default tree on a site without configured spaces', async () => {
    renderKiosk('?spaces=device-93,site');
    expect(await cardNames('Spaces')).toEqual(['Side entrance', 'Riverside Library']);
  });

  it('turns an old devices= link into the rooms its doors lead into', async () => {
    // 95 bounds both the site and the gym: the gym is the room behind it.
    renderKiosk('?devices=92,95,93', building);
    expect(await cardNames('Spaces')).toEqual(['Café', 'Gym', 'Pool hall']);
  });

  it('names a space the site does not have, and lists the ones it has', async () => {
    renderKiosk('?spaces=cafe,nosuch,sauna', building);
    expect(await screen.findByRole('heading', { name: 'This kiosk link needs a fix' })).toBeInTheDocument();
    expect(screen.getByText("Spaces “nosuch”, “sauna” are not among this site's spaces.")).toBeInTheDocument();
    expect(screen.getByText("This site's spaces are: site, library, cafe, pool, gym.")).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Spaces/ })).not.toBeInTheDocument();
  });

  it('names a space id that cannot be one, and contradicting settings, before asking the server', () => {
    renderKiosk('?space=GYM!', building);
    expect(screen.getByRole('heading', { name: 'This kiosk link needs a fix' })).toBeInTheDocument();
    expect(screen.getByText(/^space=GYM!: a space id is lower-case letters/)).toBeInTheDocument();
  });

  it('refuses space= and spaces= together, naming both', () => {
    renderKiosk('?space=a&spaces=b', building);
    expect(screen.getByText(/^space=a and spaces=b are both given/)).toBeInTheDocument();
  });

  it("mode=total with a space: that space's number, its name as the title, and its sign", async () => {
    renderKiosk('?mode=total&space=pool', building);
    const inside = screen.getByRole('region', { name: 'Inside now' });
    expect(await within(inside).findByText('40')).toBeInTheDocument();
    expect(within(inside).getByText('people inside · of 40')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pool hall');
    expect(screen.getByText('Riverside Leisure Centre')).toBeInTheDocument();
    expect(sign()).toHaveAttribute('data-state', 'full');
    expect(within(sign()).getByText('Please wait')).toBeInTheDocument();
    expect(within(sign()).getByText('Full')).toBeInTheDocument();
  });

  it('the sign follows the state the server gave the space: nearly full is still "Come in"', async () => {
    renderKiosk('?mode=total&space=cafe', building);
    await within(sign()).findByText('Come in');
    expect(sign()).toHaveAttribute('data-state', 'nearly_full');
    expect(within(sign()).getByText('Nearly full')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Inside now' })).toHaveTextContent('30people inside · of 40');
  });

  it('a space none of whose doors reports gets the grey sign, never a colour', async () => {
    renderKiosk('?mode=total&space=library', building);
    await within(sign()).findByText('Live count unavailable');
    expect(sign()).toHaveAttribute('data-state', 'unavailable');
    expect(within(sign()).getByText('Its doors are not reporting')).toBeInTheDocument();
    // Its 0 is no count: dimmed, not shown as a live number.
    expect(within(screen.getByRole('region', { name: 'Inside now' })).getByText('0')).toHaveClass('opacity-60');
    expect(within(sign()).queryByText(/Come in|Please wait/)).not.toBeInTheDocument();
  });

  it("a space's sign goes grey in an outage like the site's", async () => {
    renderKiosk('?mode=total&space=pool&outage=60', {
      ...building,
      '/api/occupancy': () => json({ ...buildingOccupancy(), stale: true, ageSeconds: 200, staleReason: { code: 'upstream_unavailable', message: 'down' } }),
    });
    await within(sign()).findByText('Live count unavailable');
    expect(within(sign()).queryByText('Please wait')).not.toBeInTheDocument();
  });

  it('names an unknown space in mode=total once the answer is in', async () => {
    renderKiosk('?mode=total&space=nosuch', building);
    expect(await screen.findByText("Space “nosuch” is not among this site's spaces.")).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Entrance sign' })).not.toBeInTheDocument();
  });

  it('mode=total without a space is the whole site, as before', async () => {
    renderKiosk('?mode=total', building);
    const inside = screen.getByRole('region', { name: 'Inside now' });
    expect(await within(inside).findByText('58')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Riverside Leisure Centre');
    expect(within(sign()).getByText('Come in')).toBeInTheDocument();
    expect(within(sign()).getByText('Space available')).toBeInTheDocument();
  });
});
