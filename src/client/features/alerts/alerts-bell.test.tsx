// The dashboard's bell against a fake BFF: the count of new alerts and the list in the site's
// zone; browser notifications asked for only after a click, shown once per alert that arrives
// afterwards (never for the alerts listed when the page opened), and the blocked case explained.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, DISPLAY, fakeApi, renderWithApp, STAFF } from '@/client/test/fake-api';
import { json, makeConfig } from '@/client/test/fixtures';
import type { Me } from '@/shared/api-schema';
import type { RecentAlert } from '@/shared/alerts-schema';
import { AlertsBell, alertTime } from './alerts-bell';
import { RECENT_ALERTS_KEY } from './recent-alerts';
import { alert } from './alerts-fixture';

/** A stand-in for the browser's Notification: its permission, its prompt and what it showed. */
function fakeNotifications(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
  const shown: { title: string; body: string | undefined; tag: string | undefined }[] = [];
  const requestPermission = vi.fn(() => {
    FakeNotification.permission = answer;
    return Promise.resolve(answer);
  });
  class FakeNotification {
    static permission: NotificationPermission = permission;
    static requestPermission = requestPermission;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body, tag: options?.tag });
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { shown, requestPermission };
}

beforeEach(() => {
  localStorage.clear();
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
});
afterEach(() => vi.unstubAllGlobals());

function renderBell(me: Me = STAFF, alerts: RecentAlert[] = [alert(2, { rule: 'full', text: 'Café is full: 40 of 40.' }), alert(1)]) {
  const api = fakeApi({
    'GET /api/me': () => json(me),
    'GET /api/config': () => json(makeConfig({ timezone: 'Europe/Budapest' })),
    'GET /api/alerts/recent': () => json({ alerts }),
  });
  const rendered = renderWithApp(<AlertsBell />);
  return { api, user: userEvent.setup(), ...rendered };
}

/** The next poll, without waiting 15 s. */
async function poll(queryClient: ReturnType<typeof renderBell>['queryClient']) {
  await act(() => queryClient.refetchQueries({ queryKey: RECENT_ALERTS_KEY }));
}

describe('the alerts bell', () => {
  it('counts the alerts new to this browser, lists them in the site’s zone, and counts none once looked at', async () => {
    fakeNotifications('default');
    const { user } = renderBell();
    const bell = await screen.findByRole('button', { name: 'Alerts: 2 new' });
    await user.click(bell);
    const list = screen.getByRole('region', { name: 'Recent alerts' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^Full.*Café is full: 40 of 40\.$/),
      expect.stringMatching(/^Nearly full.*\(1\)\.$/),
    ]);
    expect(within(items[0]!).getByText(alertTime('2026-11-26T11:05:00+01:00', 'Europe/Budapest'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Alerts' })).toBeInTheDocument();
    expect(localStorage.getItem('occupancy-live:alerts-seen')).toBe('2');
  });

  it('says the time alone today and with the day otherwise, in the site’s zone', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    const today = alertTime('2026-11-26T11:05:00+01:00', 'Europe/Budapest', now);
    expect(today).toContain('11:05');
    expect(today).not.toMatch(/Nov/);
    // 23:30 UTC on the 25th is half past midnight on the 26th in Budapest: today there.
    expect(alertTime('2026-11-25T23:30:00Z', 'Europe/Budapest', now)).not.toMatch(/Nov/);
    const earlier = alertTime('2026-11-24T09:00:00Z', 'Europe/Budapest', now);
    expect(earlier).toMatch(/^24 Nov, /);
    expect(earlier).toContain('10:00');
  });

  it('asks the browser only after the click, then shows each alert that arrives afterwards, once', async () => {
    const browser = fakeNotifications('default');
    const { api, user, queryClient } = renderBell();
    await user.click(await screen.findByRole('button', { name: /^Alerts/ }));
    expect(browser.requestPermission).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Notify me in this browser' }));
    expect(browser.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Notifications are on in this browser while the dashboard is open.')).toBeInTheDocument();
    // The two alerts listed when the page opened are not news.
    expect(browser.shown).toEqual([]);

    api.set('GET /api/alerts/recent', () =>
      json({
        alerts: [
          alert(4, { rule: 'door_silent', text: 'Café door counted nobody for 60 min.' }),
          alert(3, { resolved: true, text: 'Café is no longer nearly full.' }),
        ],
      }),
    );
    await poll(queryClient);
    await waitFor(() => expect(browser.shown).toHaveLength(2));
    expect(browser.shown).toEqual([
      { title: 'Nearly full — resolved', body: 'Café is no longer nearly full.', tag: 'occupancy-alert-3' },
      { title: 'Door silent', body: 'Café door counted nobody for 60 min.', tag: 'occupancy-alert-4' },
    ]);
    expect(api.to('GET /api/alerts/recent').length).toBeGreaterThanOrEqual(2);
    api.set('GET /api/alerts/recent', () => json({ alerts: [] }));
    await poll(queryClient);
    expect(browser.shown).toHaveLength(2);
    // Turned off: the next alert is listed, not shown.
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    api.set('GET /api/alerts/recent', () => json({ alerts: [alert(5)] }));
    await poll(queryClient);
    expect(browser.shown).toHaveLength(2);
    expect(localStorage.getItem('occupancy-live:alert-notifications')).toBe('off');
  });

  it('remembers the choice: with permission given before, a new alert is shown without asking again', async () => {
    const browser = fakeNotifications('granted');
    localStorage.setItem('occupancy-live:alert-notifications', 'on');
    const { api, queryClient } = renderBell(ADMIN);
    await screen.findByRole('button', { name: 'Alerts: 2 new' });
    api.set('GET /api/alerts/recent', () => json({ alerts: [alert(3, { text: 'Gym is nearly full: 65 of 80.' })] }));
    await poll(queryClient);
    await waitFor(() => expect(browser.shown.map((n) => n.body)).toEqual(['Gym is nearly full: 65 of 80.']));
    expect(browser.requestPermission).not.toHaveBeenCalled();
  });

  it('refused by the person or blocked: says how to allow it, and shows nothing', async () => {
    const browser = fakeNotifications('default', 'denied');
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: /^Alerts/ }));
    await user.click(screen.getByRole('button', { name: 'Notify me in this browser' }));
    expect(await screen.findByText('Notifications are blocked for this site.')).toBeInTheDocument();
    expect(screen.getByText(/set Notifications to Allow, then reload this page/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Notify me in this browser' })).not.toBeInTheDocument();
    expect(browser.shown).toEqual([]);
  });

  it('without https the browser would refuse: says so instead of asking', async () => {
    const browser = fakeNotifications('default');
    Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: /^Alerts/ }));
    expect(screen.getByText(/only for pages opened over https/)).toBeInTheDocument();
    expect(browser.requestPermission).not.toHaveBeenCalled();
  });

  it('a display’s browser has no bell and asks for no alerts', async () => {
    const { api } = renderBell(DISPLAY);
    await waitFor(() => expect(api.to('GET /api/me')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: /^Alerts/ })).not.toBeInTheDocument();
    expect(api.to('GET /api/alerts/recent')).toEqual([]);
  });
});
