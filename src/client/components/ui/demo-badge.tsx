// Marks every screen that shows simulated counts, so nobody mistakes them for real visitors.
import { t } from '@/client/i18n/i18n';

export function DemoBadge() {
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-notice bg-notice-soft px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap text-notice-ink sm:px-3 sm:py-1 sm:text-sm"
      title={t('dashboard.demo.title')}
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-notice" />
      {t('dashboard.demo.badge')}
    </span>
  );
}
