// Settings ▸ Site: the site's name, time zone, day start and language. A field the provisioning
// file or the environment sets is shown read-only with a note; the server refuses it anyway.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Skeleton } from '@/client/components/ui/skeleton';
import { activeLanguage, t } from '@/client/i18n/i18n';
import { ApiRequestError } from '@/client/lib/api-client';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import { siteChanges } from '@/shared/settings-changes';
import { LANGUAGE_NAMES } from '@/shared/i18n/languages';
import { LOCALES, type Locale } from '@/shared/settings-schema';
import { changeWords } from './change-words';
import { ADMIN_SETTINGS_KEY, adminSettingsQueryOptions, lockNote, saveSettings } from './settings-api';
import { Field, inputClass, SaveBar, SaveStatus, SectionMessage } from './settings-fields';
import { fieldProblem, problemText } from './settings-problems';
import { SpacesSection } from './spaces-section';

/** Each language in its own name (a reader finds their own). */
export const LOCALE_NAMES: Record<Locale, string> = LANGUAGE_NAMES;

export interface SiteForm {
  siteName: string;
  timezone: string;
  dayStart: string;
  locale: Locale;
}

type SiteField = keyof SiteForm;

/** Every zone this browser knows (IANA names), for the searchable list. */
export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** What is sent: the fields that are not locked, the name left out when empty (the screens then show the default). */
export function siteValue(form: SiteForm, locked: AdminSettings['locked']): Partial<SiteForm> {
  const value: Partial<SiteForm> = {};
  if (locked.siteName === undefined && form.siteName.trim() !== '') value.siteName = form.siteName.trim();
  if (locked.timezone === undefined) value.timezone = form.timezone.trim();
  if (locked.dayStart === undefined) value.dayStart = form.dayStart;
  if (locked.locale === undefined) value.locale = form.locale;
  return value;
}

/** The checks the server makes, before asking it. */
export function siteProblems(form: SiteForm, zones: readonly string[]): Partial<Record<SiteField, string>> {
  const problems: Partial<Record<SiteField, string>> = {};
  if (form.siteName.trim().length > 120) problems.siteName = t('settings.site.problem.nameLength');
  if (zones.length > 0 && !zones.includes(form.timezone.trim()) && form.timezone.trim() !== 'UTC') {
    problems.timezone = t('settings.site.problem.timezone');
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.dayStart)) problems.dayStart = t('settings.site.problem.dayStart');
  return problems;
}

export function SiteSection() {
  const settings = useQuery(adminSettingsQueryOptions());
  // Kept here: a save gives the form new values, and with them a new form.
  const [saved, setSaved] = useState(false);
  if (settings.isPending) return <Skeleton className="h-96 rounded-2xl" />;
  if (settings.error) return <SectionMessage title={t('settings.site.loadFailed')}>{problemText(settings.error)}</SectionMessage>;
  // A new form when the saved values change (after a save, or another admin's).
  return <SiteFormView key={JSON.stringify(settings.data.values)} settings={settings.data} saved={saved} onSaved={setSaved} />;
}

function SiteFormView({ settings, saved: justSaved, onSaved }: { settings: AdminSettings; saved: boolean; onSaved: (saved: boolean) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const { values, locked } = settings;
  const saved: SiteForm = { siteName: values.siteName ?? '', timezone: values.timezone, dayStart: values.dayStart, locale: values.locale };
  const [form, setForm] = useState<SiteForm>(saved);
  const [shown, setShown] = useState(false);
  const zones = useMemo(() => timeZones(), []);
  const problems = siteProblems(form, zones);
  const save = useMutation({
    mutationFn: (value: Partial<SiteForm>) => saveSettings('site', value),
    onSuccess: (answer) => {
      onSaved(true);
      queryClient.setQueryData(ADMIN_SETTINGS_KEY, answer);
      // Every screen of this tab follows at once (the config query carries the site's language:
      // app.tsx's useLanguageChoice switches to a new one); other screens at their next poll.
      void queryClient.invalidateQueries({ queryKey: ['config'] });
      void queryClient.invalidateQueries({ queryKey: ['occupancy'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
  const serverError = save.error instanceof ApiRequestError ? save.error : null;
  const errorAt = (field: SiteField) => (shown ? problems[field] : undefined) ?? (serverError?.field === field ? siteFieldProblem(serverError) : undefined);
  const changes = siteChanges({ ...saved, siteName: saved.siteName || null }, { ...form, siteName: form.siteName.trim() || null }, changeWords());
  const set = (patch: Partial<SiteForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    save.reset();
    onSaved(false);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (Object.keys(problems).length > 0) {
      const first = (Object.keys(problems) as SiteField[])[0]!;
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    save.mutate(siteValue(form, locked));
  };
  const lock = (field: SiteField) => (locked[field] === undefined ? undefined : lockNote(locked[field]));

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-ink">
        {t('settings.site.title')}
      </h2>
      <p className="text-sm text-muted">{t('settings.site.intro')}</p>
      <div className="mt-5 grid gap-5 sm:grid-cols-2">
        <Field
          id={`${id}-siteName`}
          label={t('settings.site.name')}
          lock={lock('siteName')}
          error={errorAt('siteName')}
          hint={form.siteName.trim() === '' ? t('settings.site.nameEmpty', { name: values.shownName }) : undefined}
        >
          {(a11y) => (
            <input
              type="text"
              id={`${id}-siteName`}
              value={form.siteName}
              maxLength={140}
              autoComplete="off"
              onChange={(e) => set({ siteName: e.target.value })}
              className={inputClass(a11y['aria-invalid'] === true)}
              {...a11y}
            />
          )}
        </Field>
        <Field
          id={`${id}-timezone`}
          label={t('settings.site.timezone')}
          lock={lock('timezone')}
          error={errorAt('timezone')}
          hint={lock('timezone') ? undefined : t('settings.site.timezoneHint')}
        >
          {(a11y) => (
            <>
              <input
                type="text"
                id={`${id}-timezone`}
                list={`${id}-zones`}
                value={form.timezone}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set({ timezone: e.target.value })}
                className={inputClass(a11y['aria-invalid'] === true)}
                {...a11y}
              />
              <datalist id={`${id}-zones`}>
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          id={`${id}-dayStart`}
          label={t('settings.site.dayStart')}
          lock={lock('dayStart')}
          error={errorAt('dayStart')}
          hint={lock('dayStart') ? undefined : t('settings.site.dayStartHint')}
        >
          {(a11y) => (
            <input
              type="text"
              inputMode="numeric"
              placeholder="04:00"
              maxLength={5}
              id={`${id}-dayStart`}
              value={form.dayStart}
              autoComplete="off"
              onChange={(e) => set({ dayStart: e.target.value.trim() })}
              className={inputClass(a11y['aria-invalid'] === true)}
              {...a11y}
            />
          )}
        </Field>
        <Field
          id={`${id}-locale`}
          label={t('settings.site.language')}
          lock={lock('locale')}
          error={errorAt('locale')}
          hint={lock('locale') ? undefined : t('settings.site.languageHint')}
        >
          {(a11y) => (
            <select id={`${id}-locale`} value={form.locale} onChange={(e) => set({ locale: e.target.value as Locale })} className={inputClass(false)} {...a11y}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SaveBar id={id} changes={changes} pending={save.isPending} />
      <SaveStatus
        saved={justSaved ? t('settings.site.saved') : null}
        problem={save.error && !serverError?.field ? t('settings.notSaved', { reason: problemText(save.error) }) : null}
      />
    </form>
  );
}

/** Settings ▸ Site and spaces: the site's fields, then the spaces-and-doors editor. */
export function SiteAndSpacesSection() {
  return (
    <div className="space-y-6">
      <SiteSection />
      <SpacesSection />
    </div>
  );
}

/** A refusal at a site field: the server's words as they are in English, else the screen's. */
function siteFieldProblem(error: ApiRequestError): string {
  return activeLanguage() === 'en' ? error.message : fieldProblem(error, error.field ?? '');
}
