// Settings at /settings/<section>: the sections one may open (staff: only their own account) as a
// side list on a desk and a row of links on a phone, and the chosen section, whose code loads
// when it is opened. /settings opens the first section of the list.
import { type ComponentType, type ReactNode, Suspense, use, useEffect, useId } from 'react';
import { AppLink } from '@/client/components/ui/app-link';
import { buttonClass } from '@/client/components/ui/button';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { Skeleton } from '@/client/components/ui/skeleton';
import { describeLoadError } from '@/client/lib/error-text';
import { isAdmin, type Me, useMe } from '@/client/lib/me-queries';
import { navigate } from '@/client/lib/navigation';
import { t } from '@/client/i18n/i18n';
import { type SettingsSection, type SettingsSectionProps, settingsSections } from './settings-sections';

interface SettingsPageProps {
  /** The <section> of /settings/<section>; null for /settings. */
  sectionId: string | null;
  /** Who is signed in, with Sign out (the app composes it). */
  accountMenu?: ReactNode;
  /** For tests: another list of sections. */
  sections?: readonly SettingsSection[];
}

/** The sections this person may open, in the list's order; a display is nobody's account and opens none. */
export function visibleSections(sections: readonly SettingsSection[], me: Me): SettingsSection[] {
  if (me.kind === 'display') return [];
  return sections.filter((s) => !s.adminOnly || isAdmin(me));
}

// One load per section, kept: a new promise on every render would suspend for ever.
const loads = new WeakMap<SettingsSection, Promise<ComponentType<SettingsSectionProps>>>();
function loadSection(section: SettingsSection) {
  let load = loads.get(section);
  if (!load) {
    load = section.load();
    loads.set(section, load);
  }
  return load;
}

export function SettingsPage({ sectionId, accountMenu, sections = settingsSections }: SettingsPageProps) {
  const me = useMe();
  const visible = me.data ? visibleSections(sections, me.data) : [];
  const section = sections.find((s) => s.id === sectionId);
  const allowed = section !== undefined && visible.includes(section);
  const first = visible[0]?.id;

  useEffect(() => {
    if (sectionId === null && first) navigate(`/settings/${first}`, { replace: true });
  }, [sectionId, first]);

  useEffect(() => {
    document.title = allowed ? t('settings.page.documentTitleSection', { section: section.title() }) : t('settings.page.documentTitle');
  }, [allowed, section]);

  let body: ReactNode;
  if (me.isPending) body = <SectionSkeleton />;
  else if (me.error) {
    body = (
      <Message title={t('settings.page.loadFailed')}>
        <p>{describeLoadError(me.error)}</p>
        <button type="button" onClick={() => void me.refetch()} className={buttonClass('accent', 'mt-4 px-4')}>
          {t('settings.page.tryAgain')}
        </button>
      </Message>
    );
  } else if (me.data.kind === 'display') {
    body = (
      <Message title={t('settings.page.displayTitle')}>
        <p>{t('settings.page.displayBody')}</p>
        <AppLink to="/sign-in?next=%2Fsettings" className={buttonClass('primary', 'mt-4 px-5')}>
          {t('settings.page.signIn')}
        </AppLink>
      </Message>
    );
  } else if (sectionId === null) body = <SectionSkeleton />;
  else if (!section) {
    body = (
      <Message title={t('settings.page.noSuchSection')}>
        <p>{t('settings.page.chooseFromList')}</p>
      </Message>
    );
  } else if (!allowed) {
    body = (
      <Message title={t('settings.page.adminsOnly', { section: section.title() })}>
        <p>{t('settings.page.askAdmin')}</p>
      </Message>
    );
  } else body = <SectionView section={section} me={me.data} />;

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#settings-main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-30 focus:rounded-lg focus:bg-surface focus:px-4 focus:py-2.5"
      >
        {t('settings.page.skip')}
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-screen-xl items-center gap-3 px-4 py-3 sm:px-6 lg:px-8">
          <div className="min-w-0 flex-1">
            <p className="text-xs font-semibold tracking-wider text-accent-ink uppercase">Occupancy Live</p>
            <h1 className="text-xl font-semibold break-words hyphens-auto text-ink sm:text-2xl">{t('settings.page.heading')}</h1>
          </div>
          <AppLink
            to="/"
            className="inline-flex min-h-11 items-center rounded-lg border border-line bg-surface px-3 text-sm font-semibold whitespace-nowrap text-ink hover:bg-sunken sm:px-4"
          >
            <span aria-hidden="true" className="mr-1.5">
              ←
            </span>
            {t('settings.page.dashboard')}
          </AppLink>
          {accountMenu}
        </div>
      </header>

      <div className="mx-auto grid w-full max-w-screen-xl flex-1 content-start gap-5 px-4 py-5 sm:px-6 sm:py-8 md:grid-cols-[13rem_minmax(0,1fr)] md:gap-8 lg:px-8">
        {visible.length > 0 ? <SectionList sections={visible} current={allowed ? section.id : null} /> : <div className="max-md:hidden" />}
        <main id="settings-main" tabIndex={-1} className="min-w-0 outline-none">
          {body}
        </main>
      </div>
    </div>
  );
}

function SectionList({ sections, current }: { sections: SettingsSection[]; current: string | null }) {
  return (
    <nav aria-label={t('settings.page.sectionsNav')}>
      {/* A phone: a wrapping row of thumb-sized links above the section. A desk: a list at the side. */}
      <ul className="flex flex-wrap gap-2 md:sticky md:top-6 md:flex-col md:gap-1">
        {sections.map((s) => {
          const here = s.id === current;
          return (
            <li key={s.id}>
              <AppLink
                to={`/settings/${s.id}`}
                aria-current={here ? 'page' : undefined}
                className={`flex min-h-11 items-center rounded-lg px-3 text-sm max-md:border md:text-base ${
                  here ? 'bg-accent-soft font-semibold text-accent-ink max-md:border-accent' : 'font-medium text-ink hover:bg-sunken max-md:border-line'
                }`}
              >
                {s.title()}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function SectionView({ section, me }: { section: SettingsSection; me: Me }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-5 text-2xl font-semibold text-ink">
        {section.title()}
      </h2>
      <ErrorBoundary key={section.id} name={section.title()}>
        <Suspense fallback={<SectionSkeleton />}>
          <SectionBody section={section} me={me} />
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

function SectionBody({ section, me }: { section: SettingsSection; me: Me }) {
  const Section = use(loadSection(section));
  // The same component every render: loadSection keeps one promise (so one component) per section.
  // eslint-disable-next-line react-hooks/static-components
  return <Section me={me} />;
}

function Message({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="status" className="rounded-2xl border border-line bg-surface p-5 sm:p-6">
      <h2 className="text-lg font-semibold text-ink">{title}</h2>
      <div className="mt-1 text-base text-muted">{children}</div>
    </div>
  );
}

function SectionSkeleton() {
  return (
    <div className="space-y-4">
      <p className="sr-only">{t('settings.page.loading')}</p>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-40 w-full rounded-2xl" />
    </div>
  );
}
