// The site description used in demo mode when no SITE_CONFIG_FILE is given: the simulator's demo
// account as one building, its rooms as spaces bounded by the doors (README "The building model").
// Capacities sit around each room's busiest moment of a weekday, so a demo day passes through
// "Space available", "Nearly full" and "Full" in the rooms while the building keeps space.
import type { SiteConfig } from './site-config';

/** Where the simulated site is: demo mode without SITE_TIMEZONE uses it, not the server's zone. */
export const DEMO_SITE_TIMEZONE = 'Europe/Budapest';

export const DEMO_SITE: SiteConfig = {
  siteName: 'Riverside Leisure Centre (demo)',
  // The vendor's name for the reading room's counter carries the room's nickname; our label is plainer.
  devices: [{ id: 94, label: 'Reading room door' }],
  spaces: [
    {
      id: 'site',
      name: 'Riverside Leisure Centre',
      capacity: 550,
      doors: [
        { device: 91, side: 'in' },
        { device: 92, side: 'in' },
        { device: 101, side: 'in' },
        { device: 103, side: 'in' },
      ],
    },
    { id: 'library', name: 'Library', parent: 'site', capacity: 180, doors: [{ device: 93, side: 'in' }] },
    { id: 'reading-room', name: 'Reading room', parent: 'library', capacity: 50, doors: [{ device: 94, side: 'in' }] },
    // The café's counter is mounted the other way round: its IN counts people leaving the café.
    { id: 'cafe', name: 'Café', parent: 'site', capacity: 60, doors: [{ device: 95, side: 'out' }] },
    {
      id: 'pool',
      name: 'Pool hall',
      parent: 'site',
      capacity: 160,
      doors: [
        { device: 97, side: 'in' },
        { device: 98, side: 'in' },
      ],
    },
    { id: 'sauna', name: 'Sauna', parent: 'pool', capacity: 20, doors: [{ device: 110, side: 'in' }] },
    {
      id: 'gym',
      name: 'Gym',
      parent: 'site',
      capacity: 140,
      doors: [
        { device: 103, side: 'in' },
        { device: 105, side: 'in' },
      ],
    },
    { id: 'studio', name: 'Studio', parent: 'site', capacity: 30, doors: [{ device: 108, side: 'in' }] },
  ],
};
