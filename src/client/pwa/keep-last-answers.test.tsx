import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff, renderApp, unreachable } from '@/client/test/render-app';
import { keep, readKept, resetForTests } from './last-answers';

beforeEach(() => resetForTests());

const siteTotal = () => screen.getByRole('region', { name: 'Inside now · whole site' });

/** Whether the site total was ever on screen without its stale mark, from now until the check. */
function watchForLive(): () => boolean {
  let seen = false;
  const look = () => {
    for (const section of document.querySelectorAll('section')) {
      if (!section.hasAttribute('data-stale') && section.querySelector('h2')?.textContent === 'Inside now · whole site') seen = true;
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => {
    look();
    observer.disconnect();
    return seen;
  };
}

describe('the dashboard’s last answers, kept for a start without network', () => {
  it('keeps each good answer with the moment it arrived', async () => {
    fakeBff({ '/api/config': () => json(makeConfig()), '/api/occupancy': () => json(makeOccupancy()) });
    const before = Date.now();
    renderApp();
    await waitFor(() => expect(readKept('occupancy', Date.now())).not.toBeNull());
    const kept = readKept('occupancy', Date.now())!;
    expect(kept.body.total).toEqual(makeOccupancy().total);
    expect(kept.receivedAt).toBeGreaterThanOrEqual(before);
    await waitFor(() => expect(readKept('config', Date.now())?.body.siteName).toBe('Riverside Library'));
  });

  it('offline, shows the kept numbers dimmed, not live, with their age, never as live', async () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: Date.now() - 5 * 60_000 });
    keep('config', { body: makeConfig(), receivedAt: Date.now() - 5 * 60_000 });
    fakeBff({ '/api/config': unreachable, '/api/occupancy': unreachable, '/api/me': unreachable });
    const sawLive = watchForLive();
    renderApp();

    // The kept config names the site; the server's age at receipt (2 s) plus five minutes since.
    expect(await screen.findByRole('heading', { level: 1, name: 'Riverside Library' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'This screen cannot reach the Occupancy Live server. Showing the numbers from 5 min ago' }),
    ).toBeInTheDocument();
    expect(siteTotal()).toHaveAttribute('data-stale', 'true');
    expect(within(siteTotal()).getByText('Not live')).toBeInTheDocument();
    expect(within(siteTotal()).queryByText('Live')).not.toBeInTheDocument();
    expect(within(siteTotal()).getByText(/^37 people inside of 120/)).toBeInTheDocument();
    expect(sawLive()).toBe(false);
  });

  it('offline with nothing kept (or kept over a day ago), says the server cannot be reached, without numbers', async () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: Date.now() - 25 * 60 * 60_000 });
    fakeBff({ '/api/config': unreachable, '/api/occupancy': unreachable, '/api/me': unreachable });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'This screen cannot reach the Occupancy Live server.' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Inside now · whole site' })).not.toBeInTheDocument();
  });

  it('a server that answers with an error is no reason to show kept numbers (the server has its own stale rules)', async () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: Date.now() - 60_000 });
    fakeBff({
      '/api/config': () => json(makeConfig()),
      '/api/occupancy': () => json(apiError('upstream_auth', 'WELLPOINT rejected the access key'), 502),
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: "The server's WELLPOINT access key is not accepted." })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Inside now · whole site' })).not.toBeInTheDocument();
  });

  it('a 401 (the session ended) forgets what was kept', async () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: Date.now() - 60_000 });
    fakeBff({
      '/api/config': () => json(apiError('unauthorized', 'Sign in first.'), 401),
      '/api/occupancy': () => json(apiError('unauthorized', 'Sign in first.'), 401),
      '/api/me': () => json(apiError('unauthorized', 'Sign in first.'), 401),
    });
    renderApp();
    await waitFor(() => expect(localStorage.getItem('occupancy-live:last-answer:occupancy')).toBeNull());
  });
});
