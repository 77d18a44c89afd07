// Settings ▸ Opening hours: always open, or per weekday closed / all day / one or more spans; dated
// closures and special dates; saved with the SaveBar, refusals shown at the field the server names.
// Read-only with a note when the provisioning file sets the hours.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Button } from '@/client/components/ui/button';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { Skeleton } from '@/client/components/ui/skeleton';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { type AdminSettings, adminSettingsSchema } from '@/shared/admin-settings-schema';
import type { OpeningHours } from '@/shared/opening-hours';
import { WEEKDAYS } from '@/shared/opening-hours';
import { hoursChanges } from '@/shared/settings-changes';
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

function saveHours(value: OpeningHours | null): Promise<AdminSettings> {
  return fetchJson('/api/admin/settings/hours', adminSettingsSchema, { method: 'PUT', body: value });
}

export function HoursSection() {
  const settings = useQuery(adminSettingsQueryOptions());
  const [saved, setSaved] = useState(false);
  if (settings.isPending) return <Skeleton className="h-96 rounded-2xl" />;
  if (settings.error) return <SectionMessage title="The opening hours could not be loaded.">{settings.error.message}</SectionMessage>;
  return <HoursForm key={JSON.stringify(settings.data.values.openingHours)} settings={settings.data} saved={saved} onSaved={setSaved} />;
}

const MODE_WORDS: Record<DayMode, string> = { closed: 'Closed', all_day: 'All day', hours: 'Hours' };

function HoursForm({ settings, saved: justSaved, onSaved }: { settings: AdminSettings; saved: boolean; onSaved: (saved: boolean) => void }) {
  const id = useId();
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
  // The server's message starts with the field's path: at the field, the field is the subject.
  const serverAt = (path: string) => (serverError?.field === path ? serverError.message.replace(`${path} `, '').replace(/\.$/, '') : undefined);
  const errorAt = (path: string) => (shown ? problems[path] : undefined) ?? serverAt(path);
  const pointed = serverError?.field !== undefined && draftPaths(draft).has(serverError.field);
  // Compared as the server will store them (a time input's 00:00 end is the day's 24:00).
  const changes = hoursChanges(valueOf(draftOf(savedHours)), summaryValueOf(draft));
  // A row added without its date yet is still something to save (and to be told about on Save).
  if (!draft.alwaysOpen && [...draft.closed, ...draft.special.map((s) => s.date)].includes('')) changes.push('A date still to choose');
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
        When the site is open
      </h2>
      <p className="text-sm text-muted">
        In the site’s time zone ({settings.values.timezone}). Outside them kiosks show “Closed” with the next opening, charts shade the closed hours and alerts
        are muted.
      </p>
      {lock !== undefined ? <LockNote>{lockNote(lock)} The hours are shown as set there.</LockNote> : null}

      <fieldset disabled={locked} className="mt-5 space-y-6">
        <legend className="sr-only">Opening hours</legend>
        <div role="radiogroup" aria-label="Always open, or at set hours" className="flex flex-col gap-1 sm:flex-row sm:gap-6">
          <label className="flex min-h-11 items-center gap-3 text-base text-ink">
            <input
              type="radio"
              name={`${id}-always`}
              className="size-5"
              checked={draft.alwaysOpen}
              onChange={() => edit((d) => ({ ...d, alwaysOpen: true }))}
            />
            Always open
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
            Open at set hours
          </label>
        </div>

        {draft.alwaysOpen ? (
          <p className="text-sm text-muted">Kiosks never show “Closed” and alerts are never muted.</p>
        ) : (
          <>
            <section aria-labelledby={`${id}-week`}>
              <h3 id={`${id}-week`} className="text-base font-semibold text-ink">
                Every week
              </h3>
              <p className="text-sm text-muted">A span that ends at or before it starts runs past midnight, such as 22:00 to 02:00.</p>
              <ul className="mt-3 divide-y divide-line">
                {WEEKDAYS.map((day) => (
                  <li key={day} className="py-3">
                    <DayEditor
                      id={`${id}-${day}`}
                      label={DAY_NAMES[day]}
                      name={DAY_NAMES[day]}
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
                Closed dates
              </h3>
              <p className="text-sm text-muted">Holidays: closed all day. A night that began the evening before still runs to its end.</p>
              <ul className="mt-3 space-y-2">
                {draft.closed.map((date, i) => (
                  <li key={i} data-path={`closed.${i}`} className="flex flex-wrap items-start gap-2">
                    <div>
                      <input
                        type="date"
                        aria-label={`Closed date ${i + 1}`}
                        value={date}
                        onChange={(e) => edit((d) => ({ ...d, closed: d.closed.map((c, j) => (j === i ? e.target.value : c)) }))}
                        aria-invalid={errorAt(`closed.${i}`) ? true : undefined}
                        aria-describedby={errorAt(`closed.${i}`) ? `${id}-closed-${i}-error` : undefined}
                        className={`${inputClass(errorAt(`closed.${i}`) !== undefined)} w-44`}
                      />
                      <FieldError id={`${id}-closed-${i}-error`} message={withSubject('This date', errorAt(`closed.${i}`))} />
                    </div>
                    <Button
                      tone="quiet"
                      className="px-3"
                      aria-label={`Remove closed date ${date || i + 1}`}
                      onClick={() => edit((d) => ({ ...d, closed: d.closed.filter((_, j) => j !== i) }))}
                    >
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
              <Button tone="accent" className="mt-2 px-3" onClick={() => edit((d) => ({ ...d, closed: [...d.closed, ''] }))}>
                Add a closed date
              </Button>
            </section>

            <section aria-labelledby={`${id}-special`}>
              <h3 id={`${id}-special`} className="text-base font-semibold text-ink">
                Special dates
              </h3>
              <p className="text-sm text-muted">Other hours than the weekday’s on one date, such as a short Christmas Eve.</p>
              <ul className="mt-3 divide-y divide-line">
                {draft.special.map((special, i) => (
                  <li key={i} className="space-y-2 py-3">
                    <div data-path={`special.${i}.date`} className="flex flex-wrap items-start gap-2">
                      <div>
                        <input
                          type="date"
                          aria-label={`Special date ${i + 1}`}
                          value={special.date}
                          onChange={(e) => setSpecial(i, { date: e.target.value })}
                          aria-invalid={errorAt(`special.${i}.date`) ? true : undefined}
                          aria-describedby={errorAt(`special.${i}.date`) ? `${id}-special-${i}-error` : undefined}
                          className={`${inputClass(errorAt(`special.${i}.date`) !== undefined)} w-44`}
                        />
                        <FieldError id={`${id}-special-${i}-error`} message={withSubject('This date', errorAt(`special.${i}.date`))} />
                      </div>
                      <Button
                        tone="quiet"
                        className="px-3"
                        aria-label={`Remove special date ${special.date || i + 1}`}
                        onClick={() => edit((d) => ({ ...d, special: d.special.filter((_, j) => j !== i) }))}
                      >
                        Remove
                      </Button>
                    </div>
                    <DayEditor
                      id={`${id}-special-${i}`}
                      label="Hours"
                      name={`Hours on ${special.date === '' ? `special date ${i + 1}` : special.date}`}
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
                Add a special date
              </Button>
            </section>
          </>
        )}
      </fieldset>

      {locked ? null : (
        <>
          <SaveBar id={id} changes={changes} pending={save.isPending} />
          <SaveStatus
            saved={justSaved ? 'Saved. Kiosks and dashboards follow within a minute.' : null}
            problem={save.error && !pointed ? `Not saved: ${save.error.message}` : null}
          />
        </>
      )}
    </form>
  );
}

/** "This date needs a date" reads badly: client problems are phrases after a subject. */
function withSubject(subject: string, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  return /^[a-z]/.test(message) ? `${subject} ${message}.` : message;
}

interface DayEditorProps {
  id: string;
  /** Shown beside the choice. */
  label: ReactNode;
  /** What the choice and its times are called for a screen reader ("Monday", "Hours on 2026-12-24"). */
  name: string;
  path: string;
  day: DayDraft;
  onChange: (day: DayDraft) => void;
  errorAt: (path: string) => string | undefined;
}

function DayEditor({ id, label, name, path, day, onChange, errorAt }: DayEditorProps) {
  const dayError = errorAt(path);
  return (
    <div className="grid gap-2 sm:grid-cols-[9rem_10rem_minmax(0,1fr)] sm:items-start">
      <p aria-hidden="true" className="pt-3 text-base font-semibold text-ink">
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
              {MODE_WORDS[mode]}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} message={withSubject('This day', dayError)} />
      </div>
      {day.mode === 'hours' ? (
        <div className="space-y-2">
          {day.spans.map(([start, end], i) => {
            const startError = errorAt(`${path}.${i}.0`) ?? errorAt(`${path}.${i}`);
            const endError = errorAt(`${path}.${i}.1`);
            const setSpan = (next: [string, string]) => onChange({ ...day, spans: day.spans.map((s, j) => (j === i ? next : s)) });
            const labelText = name;
            return (
              <div key={i} className="flex flex-wrap items-start gap-2">
                <div data-path={`${path}.${i}.0`}>
                  <input
                    type="time"
                    aria-label={`${labelText} opens at${day.spans.length > 1 ? ` (span ${i + 1})` : ''}`}
                    value={start}
                    onChange={(e) => setSpan([e.target.value, end])}
                    aria-invalid={startError ? true : undefined}
                    aria-describedby={startError ? `${id}-${i}-start-error` : undefined}
                    className={`${inputClass(startError !== undefined)} w-36`}
                  />
                  <FieldError id={`${id}-${i}-start-error`} message={withSubject('This span', startError)} />
                </div>
                <span className="pt-3 text-muted" aria-hidden="true">
                  to
                </span>
                <div data-path={`${path}.${i}.1`}>
                  <input
                    type="time"
                    aria-label={`${labelText} closes at${day.spans.length > 1 ? ` (span ${i + 1})` : ''}`}
                    value={end}
                    onChange={(e) => setSpan([start, e.target.value])}
                    aria-invalid={endError ? true : undefined}
                    aria-describedby={endError ? `${id}-${i}-end-error` : undefined}
                    className={`${inputClass(endError !== undefined)} w-36`}
                  />
                  <FieldError id={`${id}-${i}-end-error`} message={withSubject('This span', endError)} />
                </div>
                {end !== '' && start !== '' && end <= start && end !== start ? <span className="pt-3 text-sm text-muted">next day</span> : null}
                <Button
                  tone="quiet"
                  className="px-3"
                  aria-label={`Remove ${labelText} ${start}–${end}`}
                  onClick={() => onChange(day.spans.length === 1 ? { mode: 'closed', spans: [] } : { ...day, spans: day.spans.filter((_, j) => j !== i) })}
                >
                  Remove
                </Button>
              </div>
            );
          })}
          <Button tone="quiet" className="px-3" onClick={() => onChange({ ...day, spans: [...day.spans, NEW_SPAN] })}>
            Add hours
          </Button>
        </div>
      ) : (
        <p className="text-sm text-muted sm:pt-3">{day.mode === 'closed' ? 'Closed all day.' : 'Open all day and night.'}</p>
      )}
    </div>
  );
}
