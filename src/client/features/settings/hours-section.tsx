// Settings ▸ Opening hours: always open, or per weekday closed / all day / one or more spans; dated
// closures and special dates; saved with the SaveBar, refusals shown at the field the server names.
// Read-only with a note when the provisioning file sets the hours.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useT } from '@/client/i18n/use-t';
import { Button } from '@/client/components/ui/button';
import { useDateText } from '@/client/components/ui/date-field';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { type AdminSettings, adminSettingsSchema } from '@/shared/admin-settings-schema';
import type { OpeningHours } from '@/shared/opening-hours';
import { WEEKDAYS } from '@/shared/opening-hours';
import type { MessageKey } from '@/shared/i18n/message-key';
import { hoursChanges } from '@/shared/settings-changes';
import { changeWords } from './change-words';
import {
  type DayDraft,
  type DayMode,
  DAY_NAMES,
  draftOf,
  draftProblems,
  type HoursDraft,
  NEW_SPAN,
  type SpecialDraft,
  startingHours,
  summaryValueOf,
  valueOf,
  draftPaths,
} from './hours-draft';
import { ADMIN_SETTINGS_KEY, adminSettingsQueryOptions, lockNote } from './settings-api';
import { inputClass, LockNote, SaveBar, SaveStatus, SectionMessage } from './settings-fields';
import { fieldProblem, problemText } from './settings-problems';
import { formatDate, parseDate, parseTime, tidyDate, tidyTime } from './typed-fields';

function saveHours(value: OpeningHours | null): Promise<AdminSettings> {
  return fetchJson('/api/admin/settings/hours', adminSettingsSchema, { method: 'PUT', body: value });
}

export function HoursSection() {
  const settings = useQuery(adminSettingsQueryOptions());
  const [saved, setSaved] = useState(false);
  if (settings.isPending) return <Skeleton className="h-96 rounded-2xl" />;
  if (settings.error) return <SectionMessage title={t('settings.hours.loadFailed')}>{problemText(settings.error)}</SectionMessage>;
  return <HoursForm key={JSON.stringify(settings.data.values.openingHours)} settings={settings.data} saved={saved} onSaved={setSaved} />;
}

const MODE_WORDS: Record<DayMode, MessageKey> = {
  closed: 'settings.hours.mode.closed',
  all_day: 'settings.hours.mode.allDay',
  hours: 'settings.hours.mode.hours',
};

function HoursForm({ settings, saved: justSaved, onSaved }: { settings: AdminSettings; saved: boolean; onSaved: (saved: boolean) => void }) {
  const id = useId();
  const { lang } = useT();
  const queryClient = useQueryClient();
  const savedHours = settings.values.openingHours;
  const lock = settings.locked.openingHours;
  const [draft, setDraft] = useState<HoursDraft>(() => draftOf(savedHours));
  const [shown, setShown] = useState(false);
  const problems = draftProblems(draft);
  const save = useMutation({
    mutationFn: saveHours,
    onSuccess: (answer) => {
      onSaved(true);
      queryClient.setQueryData(ADMIN_SETTINGS_KEY, answer);
      void queryClient.invalidateQueries({ queryKey: ['config'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
  const serverError = save.error instanceof ApiRequestError ? save.error : null;
  // The server's refusal at its field, in the screen's words (settings-problems.ts).
  const serverAt = (path: string) => (serverError?.field === path ? fieldProblem(serverError, path, englishSubject(path)) : undefined);
  const errorAt = (path: string) => (shown ? problems[path] : undefined) ?? serverAt(path);
  const pointed = serverError?.field !== undefined && draftPaths(draft).has(serverError.field);
  // Compared as the server will store them (a time input's 00:00 end is the day's 24:00).
  const changes = hoursChanges(valueOf(draftOf(savedHours)), summaryValueOf(draft), changeWords(lang));
  // A row added without its date yet is still something to save (and to be told about on Save).
  if (!draft.alwaysOpen && [...draft.closed, ...draft.special.map((s) => s.date)].includes('')) changes.push(t('settings.hours.dateToChoose'));
  const edit = (next: (d: HoursDraft) => HoursDraft) => {
    setDraft(next);
    save.reset();
    onSaved(false);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      document.querySelector<HTMLElement>(`[data-path="${first}"] :is(input,select)`)?.focus();
      return;
    }
    save.mutate(valueOf(draft));
  };
  const locked = lock !== undefined;
  const setDay = (day: (typeof WEEKDAYS)[number]) => (next: DayDraft) => edit((d) => ({ ...d, weekly: { ...d.weekly, [day]: next } }));
  const setSpecial = (i: number, next: Partial<SpecialDraft>) => edit((d) => ({ ...d, special: d.special.map((s, j) => (j === i ? { ...s, ...next } : s)) }));

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-ink">
        {t('settings.hours.title')}
      </h2>
      <p className="text-sm text-muted">{t('settings.hours.intro', { timezone: settings.values.timezone })}</p>
      {lock !== undefined ? <LockNote>{t('settings.hours.locked', { lock: lockNote(lock) })}</LockNote> : null}

      <fieldset disabled={locked} className="mt-5 space-y-6">
        <legend className="sr-only">{t('settings.section.hours')}</legend>
        <div role="radiogroup" aria-label={t('settings.hours.alwaysOrSet')} className="flex flex-col gap-1 sm:flex-row sm:gap-6">
          <label className="flex min-h-11 items-center gap-3 text-base text-ink">
            <input
              type="radio"
              name={`${id}-always`}
              className="size-5"
              checked={draft.alwaysOpen}
              onChange={() => edit((d) => ({ ...d, alwaysOpen: true }))}
            />
            {t('settings.hours.alwaysOpen')}
          </label>
          <label className="flex min-h-11 items-center gap-3 text-base text-ink">
            <input
              type="radio"
              name={`${id}-always`}
              className="size-5"
              checked={!draft.alwaysOpen}
              onChange={() =>
                edit((d) => (savedHours === null && WEEKDAYS.every((w) => d.weekly[w].mode === 'closed') ? startingHours() : { ...d, alwaysOpen: false }))
              }
            />
            {t('settings.hours.setHours')}
          </label>
        </div>

        {draft.alwaysOpen ? (
          <p className="text-sm text-muted">{t('settings.hours.alwaysOpenNote')}</p>
        ) : (
          <>
            <section aria-labelledby={`${id}-week`}>
              <h3 id={`${id}-week`} className="text-base font-semibold text-ink">
                {t('settings.hours.week')}
              </h3>
              <p className="text-sm text-muted">{t('settings.hours.weekNote')}</p>
              <ul className="mt-3 divide-y divide-line">
                {WEEKDAYS.map((day) => (
                  <li key={day} className="py-3">
                    <DayEditor
                      id={`${id}-${day}`}
                      label={t(DAY_NAMES[day])}
                      name={t(DAY_NAMES[day])}
                      path={`weekly.${day}`}
                      day={draft.weekly[day]}
                      onChange={setDay(day)}
                      errorAt={errorAt}
                    />
                  </li>
                ))}
              </ul>
            </section>

            <section aria-labelledby={`${id}-closed`}>
              <h3 id={`${id}-closed`} className="text-base font-semibold text-ink">
                {t('settings.hours.closedDates')}
              </h3>
              <p className="text-sm text-muted">{t('settings.hours.closedNote')}</p>
              <p className="text-sm text-muted">{t('settings.hours.dateFormat')}</p>
              <ul className="mt-3 space-y-2">
                {draft.closed.map((date, i) => (
                  <li key={i} data-path={`closed.${i}`} className="flex flex-wrap items-start gap-2">
                    <div>
                      <DateInput
                        label={t('settings.hours.closedDate', { n: i + 1 })}
                        value={date}
                        onChange={(value) => edit((d) => ({ ...d, closed: d.closed.map((c, j) => (j === i ? value : c)) }))}
                        aria-invalid={errorAt(`closed.${i}`) ? true : undefined}
                        aria-describedby={errorAt(`closed.${i}`) ? `${id}-closed-${i}-error` : undefined}
                        invalid={errorAt(`closed.${i}`) !== undefined}
                      />
                      <FieldError id={`${id}-closed-${i}-error`} message={errorAt(`closed.${i}`)} />
                    </div>
                    <Button
                      tone="quiet"
                      className="px-3"
                      aria-label={t('settings.hours.removeClosed', { date: date === '' ? String(i + 1) : formatDate(date, lang) })}
                      onClick={() => edit((d) => ({ ...d, closed: d.closed.filter((_, j) => j !== i) }))}
                    >
                      {t('settings.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
              <Button tone="accent" className="mt-2 px-3" onClick={() => edit((d) => ({ ...d, closed: [...d.closed, ''] }))}>
                {t('settings.hours.addClosed')}
              </Button>
            </section>

            <section aria-labelledby={`${id}-special`}>
              <h3 id={`${id}-special`} className="text-base font-semibold text-ink">
                {t('settings.hours.specialDates')}
              </h3>
              <p className="text-sm text-muted">{t('settings.hours.specialNote')}</p>
              <ul className="mt-3 divide-y divide-line">
                {draft.special.map((special, i) => (
                  <li key={i} className="space-y-2 py-3">
                    <div data-path={`special.${i}.date`} className="flex flex-wrap items-start gap-2">
                      <div>
                        <DateInput
                          label={t('settings.hours.specialDate', { n: i + 1 })}
                          value={special.date}
                          onChange={(value) => setSpecial(i, { date: value })}
                          aria-invalid={errorAt(`special.${i}.date`) ? true : undefined}
                          aria-describedby={errorAt(`special.${i}.date`) ? `${id}-special-${i}-error` : undefined}
                          invalid={errorAt(`special.${i}.date`) !== undefined}
                        />
                        <FieldError id={`${id}-special-${i}-error`} message={errorAt(`special.${i}.date`)} />
                      </div>
                      <Button
                        tone="quiet"
                        className="px-3"
                        aria-label={t('settings.hours.removeSpecial', { date: special.date === '' ? String(i + 1) : formatDate(special.date, lang) })}
                        onClick={() => edit((d) => ({ ...d, special: d.special.filter((_, j) => j !== i) }))}
                      >
                        {t('settings.remove')}
                      </Button>
                    </div>
                    <DayEditor
                      id={`${id}-special-${i}`}
                      label={t('settings.hours.mode.hours')}
                      name={
                        special.date === ''
                          ? t('settings.hours.hoursOnNth', { n: i + 1 })
                          : t('settings.hours.hoursOn', { date: formatDate(special.date, lang) })
                      }
                      path={`special.${i}.spans`}
                      day={special}
                      onChange={(next) => setSpecial(i, next)}
                      errorAt={errorAt}
                    />
                  </li>
                ))}
              </ul>
              <Button
                tone="accent"
                className="mt-2 px-3"
                onClick={() => edit((d) => ({ ...d, special: [...d.special, { date: '', mode: 'hours', spans: [NEW_SPAN] }] }))}
              >
                {t('settings.hours.addSpecial')}
              </Button>
            </section>
          </>
        )}
      </fieldset>

      {locked ? null : (
        <>
          <SaveBar id={id} changes={changes} pending={save.isPending} />
          <SaveStatus
            saved={justSaved ? t('settings.hours.saved') : null}
            problem={save.error && !pointed ? t('settings.notSaved', { reason: problemText(save.error) }) : null}
          />
        </>
      )}
    </form>
  );
}

/**
 * A date typed as text (typed-fields.ts: not the browser's date picker, whose order follows the
 * browser's locale), shown in the language's order with the format as the placeholder. The value
 * handed on is ISO once the text is a date (what is typed stays as typed until the field is left).
 */
function DateInput({
  label,
  value,
  onChange,
  invalid,
  ...described
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}) {
  const { lang } = useT();
  const [text, show] = useDateText(value, lang);
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={14}
      placeholder={t('settings.hours.datePlaceholder')}
      aria-label={label}
      value={text}
      onChange={(e) => {
        const typed = e.target.value;
        const next = parseDate(typed) ?? typed;
        show(typed, next);
        onChange(next);
      }}
      onBlur={(e) => show(tidyDate(e.target.value, lang), value)}
      className={`${inputClass(invalid)} w-44`}
      {...described}
    />
  );
}

/**
 * A time of day typed as text, 24-hour HH:MM in every language: a native <input type="time">
 * would follow the browser's locale (AM/PM in an en-US browser, whatever the site's language).
 * "7:00", "0700" and "7" are understood and written back as "07:00" when the field is left.
 */
function TimeInput({
  label,
  value,
  onChange,
  invalid,
  ...described
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      // Room for "7:30 PM", to be refused in words rather than cut short.
      maxLength={8}
      placeholder={t('settings.hours.timePlaceholder')}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const tidy = tidyTime(e.target.value);
        if (tidy !== e.target.value) onChange(tidy);
      }}
      className={`${inputClass(invalid)} w-28`}
      {...described}
    />
  );
}

interface DayEditorProps {
  id: string;
  /** Shown beside the choice. */
  label: ReactNode;
  /** What the choice and its times are called for a screen reader ("Monday", "Hours on 2026-12-24"), in the active language. */
  name: string;
  path: string;
  day: DayDraft;
  onChange: (day: DayDraft) => void;
  errorAt: (path: string) => string | undefined;
}

function DayEditor({ id, label, name, path, day, onChange, errorAt }: DayEditorProps) {
  const dayError = errorAt(path);
  return (
    <div className="grid gap-2 sm:grid-cols-[9rem_11rem_minmax(0,1fr)] sm:items-start">
      <p aria-hidden="true" className="min-w-0 pt-3 text-base font-semibold break-words hyphens-auto text-ink">
        {label}
      </p>
      <div data-path={path}>
        <select
          aria-label={name}
          value={day.mode}
          onChange={(e) => {
            const mode = e.target.value as DayMode;
            onChange({ mode, spans: mode === 'hours' && day.spans.length === 0 ? [NEW_SPAN] : day.spans });
          }}
          aria-invalid={dayError ? true : undefined}
          aria-describedby={dayError ? `${id}-error` : undefined}
          className={inputClass(dayError !== undefined)}
        >
          {(Object.keys(MODE_WORDS) as DayMode[]).map((mode) => (
            <option key={mode} value={mode}>
              {t(MODE_WORDS[mode])}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} message={dayError} />
      </div>
      {day.mode === 'hours' ? (
        <div className="space-y-2">
          {day.spans.map(([start, end], i) => {
            const startError = errorAt(`${path}.${i}.0`) ?? errorAt(`${path}.${i}`);
            const endError = errorAt(`${path}.${i}.1`);
            const setSpan = (next: [string, string]) => onChange({ ...day, spans: day.spans.map((s, j) => (j === i ? next : s)) });
            const many = day.spans.length > 1;
            return (
              <div key={i} className="flex flex-wrap items-start gap-2">
                <div data-path={`${path}.${i}.0`}>
                  <TimeInput
                    label={many ? t('settings.hours.opensAtNth', { name, n: i + 1 }) : t('settings.hours.opensAt', { name })}
                    value={start}
                    onChange={(value) => setSpan([value, end])}
                    invalid={startError !== undefined}
                    aria-invalid={startError ? true : undefined}
                    aria-describedby={startError ? `${id}-${i}-start-error` : undefined}
                  />
                  <FieldError id={`${id}-${i}-start-error`} message={startError} />
                </div>
                <span className="pt-3 text-muted" aria-hidden="true">
                  {t('settings.hours.to')}
                </span>
                <div data-path={`${path}.${i}.1`}>
                  <TimeInput
                    label={many ? t('settings.hours.closesAtNth', { name, n: i + 1 }) : t('settings.hours.closesAt', { name })}
                    value={end}
                    onChange={(value) => setSpan([start, value])}
                    invalid={endError !== undefined}
                    aria-invalid={endError ? true : undefined}
                    aria-describedby={endError ? `${id}-${i}-end-error` : undefined}
                  />
                  <FieldError id={`${id}-${i}-end-error`} message={endError} />
                </div>
                {nextDay(start, end) ? <span className="pt-3 text-sm text-muted">{t('settings.hours.nextDay')}</span> : null}
                <Button
                  tone="quiet"
                  className="px-3"
                  aria-label={t('settings.hours.removeSpan', { name, start, end })}
                  onClick={() => onChange(day.spans.length === 1 ? { mode: 'closed', spans: [] } : { ...day, spans: day.spans.filter((_, j) => j !== i) })}
                >
                  {t('settings.remove')}
                </Button>
              </div>
            );
          })}
          <Button tone="quiet" className="px-3" onClick={() => onChange({ ...day, spans: [...day.spans, NEW_SPAN] })}>
            {t('settings.hours.addHours')}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-muted sm:pt-3">{day.mode === 'closed' ? t('settings.hours.closedAllDay') : t('settings.hours.openAllDay')}</p>
      )}
    </div>
  );
}

/** What a server refusal's field is, for its English message only ("This span is not …"). */
function englishSubject(path: string): string {
  if (/\.\d+\.[01]$|\.\d+$/.test(path) && !path.startsWith('closed.')) return 'This span';
  return path.startsWith('closed.') || path.endsWith('.date') ? 'This date' : 'This day';
}

/** Whether a span runs past midnight (its end at or before its start), once both are times. */
function nextDay(start: string, end: string): boolean {
  const a = parseTime(start);
  const b = parseTime(end);
  return a !== null && b !== null && b < a;
}
