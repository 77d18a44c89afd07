// The sections of Settings, in the order of the side list. Each section's code loads when it is
// opened (Settings never weighs on the dashboard). `adminOnly` sections are hidden from staff;
// the server refuses them anyway, the list only follows.
import type { ComponentType } from 'react';
import type { SettingsSectionProps } from './settings-section-props';

export type { SettingsSectionProps };

export interface SettingsSection {
  /** The last part of the address: /settings/<id>. */
  id: string;
  title: string;
  adminOnly: boolean;
  load: () => Promise<ComponentType<SettingsSectionProps>>;
}

export const settingsSections: readonly SettingsSection[] = [
  // Administrators' sections.
  { id: 'site', title: 'Site and spaces', adminOnly: true, load: () => import('./site-section').then((m) => m.SiteAndSpacesSection) },
  { id: 'hours', title: 'Opening hours', adminOnly: true, load: () => import('./hours-section').then((m) => m.HoursSection) },
  { id: 'people', title: 'People', adminOnly: true, load: () => import('./people-section').then((m) => m.PeopleSection) },
  { id: 'displays', title: 'Displays', adminOnly: true, load: () => import('./displays-section').then((m) => m.DisplaysSection) },
  { id: 'alerts', title: 'Alerts', adminOnly: true, load: () => import('./alerts-section').then((m) => m.AlertsSection) },
  { id: 'public', title: 'Public view', adminOnly: true, load: () => import('./public-section').then((m) => m.PublicSection) },
  { id: 'audit', title: 'Audit log', adminOnly: true, load: () => import('./audit-section').then((m) => m.AuditSection) },
  // Everyone's own account, last.
  { id: 'account', title: 'My account', adminOnly: false, load: () => import('./account-section').then((m) => m.AccountSection) },
];
