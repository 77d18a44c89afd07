// The site description used in demo mode when no SITE_CONFIG_FILE is given: a name and the
// capacities of the simulator's demo rooms, so the demo shows gauges and capacity states. The
// capacities sit just around each room's busiest moment of a weekday, so a day of demo data
// passes through "Space available", "Nearly full" and, for a few rooms, "Full". Every demo device
// is listed (most keep the vendor's name), so the first-load placeholder has the right number of cards.
import type { SiteConfig } from './site-config';

/** Where the simulated site is: demo mode without SITE_TIMEZONE uses it, not the server's zone. */
export const DEMO_SITE_TIMEZONE = 'Europe/Budapest';

export const DEMO_SITE: SiteConfig = {
  siteName: 'Riverside Centre (demo)',
  siteCapacity: 1400,
  devices: [
    { id: 91 },
    { id: 92 },
    { id: 93, capacity: 100 },
    { id: 94, label: 'Reading room “Quiet”', capacity: 180 },
    { id: 95, capacity: 220 },
    { id: 97 },
    { id: 98 },
    { id: 101, capacity: 150 },
    { id: 103, label: 'Garage ramp (spaces)', capacity: 260 },
    { id: 105, capacity: 80 },
    { id: 108, capacity: 130, timezone: 'Europe/London' },
    { id: 110, capacity: 70, timezone: 'Europe/London' },
  ],
};
