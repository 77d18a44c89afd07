// The site description used in demo mode when no SITE_CONFIG_FILE is given: a name and the
// capacities of the simulator's demo rooms, so the demo shows gauges and capacity states.
import type { SiteConfig } from './site-config';

export const DEMO_SITE: SiteConfig = {
  siteName: 'Riverside Centre (demo)',
  siteCapacity: 600,
  devices: [
    { id: 93, capacity: 40 },
    { id: 94, label: 'Reading room “Quiet”', capacity: 30 },
    { id: 95, capacity: 60 },
    { id: 101, capacity: 120 },
    { id: 103, label: 'Garage ramp (spaces)', capacity: 150 },
    { id: 105, capacity: 45 },
    { id: 108, capacity: 80 },
    { id: 110, capacity: 35 },
  ],
};
