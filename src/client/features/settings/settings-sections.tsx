// The sections of Settings, in the order of the side list. Each section's code loads when it is
// opened (Settings never weighs on the dashboard). `adminOnly` sections are hidden from staff;
// the server refuses them anyway, the list only follows.
import type { ComponentType } from 'react';
import { t } from '@/client/i18n/i18n';
import type { SettingsSectionProps } from './settings-section-props';

export type { SettingsSectionProps };

export interface SettingsSection {
  /** The last part of the address: /settings/<id>. */
  id: string;
  /** The section's name in the active language. */
  title: () => string;
  adminOnly: boolean;
  load: () => Promise<ComponentType<SettingsSectionProps>>;
}

export const settingsSections: readonly SettingsSection[] = [
  // Administrators' sections.
  { id: 'site', title: () => t('settings.section.site'), adminOnly: true, load: () => import('./site-section').then((m) => m.SiteAndSpacesSection) },
  { id: 'hours', title: () => t('settings.section.hours'), adminOnly: true, load: () => import('./hours-section').then((m) => m.HoursSection) },
  { id: 'people', title: () => t('settings.section.people'), adminOnly: true, load: () => import('./people-section').then((m) => m.PeopleSection) },
  { id: 'displays', title: () => t('settings.section.displays'), adminOnly: true, load: () => import('./displays-section').then((m) => m.DisplaysSection) },
  { id: 'alerts', title: () => t('settings.section.alerts'), adminOnly: true, load: () => import('./alerts-section').then((m) => m.AlertsSection) },
  { id: 'public', title: () => t('settings.section.public'), adminOnly: true, load: () => import('./public-section').then((m) => m.PublicSection) },
  { id: 'audit', title: () => t('settings.section.audit'), adminOnly: true, load: () => import('./audit-section').then((m) => m.AuditSection) },
  // Everyone's own account, last.
  { id: 'account', title: () => t('settings.section.account'), adminOnly: false, load: () => import('./account-section').then((m) => m.AccountSection) },
];
