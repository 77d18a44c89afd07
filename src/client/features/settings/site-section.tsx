// Settings ▸ Site: the site's name, time zone, day start and language. A field the provisioning
// file or the environment sets is shown read-only with a note; the server refuses it anyway.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Skeleton } from '@/client/components/ui/skeleton';
import { ApiRequestError } from '@/client/lib/api-client';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import { siteChanges } from '@/shared/settings-changes';
import { LOCALES, type Locale } from '@/shared/settings-schema';
import { ADMIN_SETTINGS_KEY, adminSettingsQueryOptions, lockNote, saveSettings } from './settings-api';
import { Field, inputClass, SaveBar, SaveStatus, SectionMessage } from './settings-fields';
import { SpacesSection } from './spaces-section';

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', hu: 'Magyar' };

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
  if (form.siteName.trim().length > 120) problems.siteName = 'must be at most 120 characters';
  if (zones.length > 0 && !zones.includes(form.timezone.trim()) && form.timezone.trim() !== 'UTC') {
    problems.timezone = 'is not an IANA time zone such as Europe/Budapest: choose one from the list';
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.dayStart)) problems.dayStart = 'is not a local time written HH:MM, such as 04:00';
  return problems;
}

export function SiteSection() {
  const settings = useQuery(adminSettingsQueryOptions());
  // Kept here: a save gives the form new values, and with them a new form.
  const [saved, setSaved] = useState(false);
  if (settings.isPending) return <Skeleton className="h-96 rounded-2xl" />;
  if (settings.error) return <SectionMessage title="The site’s settings could not be loaded.">{settings.error.message}</SectionMessage>;
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
      // Every screen of this tab follows at once; other screens at their next poll.
      void queryClient.invalidateQueries({ queryKey: ['config'] });
      void queryClient.invalidateQueries({ queryKey: ['occupancy'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
  const serverError = save.error instanceof ApiRequestError ? save.error : null;
  const errorAt = (field: SiteField) => (shown ? problems[field] : undefined) ?? (serverError?.field === field ? serverError.message : undefined);
  const changes = siteChanges({ ...saved, siteName: saved.siteName || null }, { ...form, siteName: form.siteName.trim() || null });
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
        Site
      </h2>
      <p className="text-sm text-muted">The name, time zone, day start and language every screen uses.</p>
      <div className="mt-5 grid gap-5 sm:grid-cols-2">
        <Field
          id={`${id}-siteName`}
          label="Site name"
          lock={lock('siteName')}
          error={errorAt('siteName')}
          hint={form.siteName.trim() === '' ? `Empty: screens show “${values.shownName}”.` : undefined}
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
          label="Time zone"
          lock={lock('timezone')}
          error={errorAt('timezone')}
          hint={lock('timezone') ? undefined : 'Type to search, such as Budapest or New_York.'}
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
          label="Day starts at"
          lock={lock('dayStart')}
          error={errorAt('dayStart')}
          hint={lock('dayStart') ? undefined : 'Local time, 24-hour HH:MM: counts start again then each day (04:00 for a venue open past midnight).'}
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
        <Field id={`${id}-locale`} label="Language" lock={lock('locale')} error={errorAt('locale')}>
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
        saved={justSaved ? 'Saved. Every screen shows it at its next update.' : null}
        problem={save.error && !serverError?.field ? `Not saved: ${save.error.message}` : null}
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
