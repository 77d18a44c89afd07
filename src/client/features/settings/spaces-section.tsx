// Settings ▸ Spaces and doors: the tree of spaces (the site first), each with its name, id,
// capacity, nearly-full threshold and doors (a device of the account and which way its IN faces),
// and the devices' labels. Checked with the server's own schema before saving; a refusal from the
// server is shown at the field it names. Provisioned spaces are shown read-only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/client/components/ui/button';
import { Skeleton } from '@/client/components/ui/skeleton';
import { activeLanguage, t } from '@/client/i18n/i18n';
import { ApiRequestError } from '@/client/lib/api-client';
import { occupancyQueryOptions } from '@/client/lib/occupancy-queries';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import { spacesChanges } from '@/shared/settings-changes';
import { changeWords } from './change-words';
import { fieldProblem, problemText } from './settings-problems';
import { ADMIN_SETTINGS_KEY, adminSettingsQueryOptions, lockNote, saveSettings } from './settings-api';
import { Field, inputClass, LockNote, SaveBar, SaveStatus, SectionMessage } from './settings-fields';
import {
  addSpace,
  type DraftProblems,
  type DraftSpace,
  draftFromValue,
  draftProblems,
  draftValue,
  fieldKey,
  parentChoices,
  removeSpace,
  renameSpace,
  type SpacesDraft,
  setLabel,
  startSpaces,
  treeOrder,
  updateSpace,
} from './spaces-draft';

export interface AccountDevice {
  id: number;
  name: string;
  capacity: number | null;
}

export function SpacesSection() {
  const settings = useQuery(adminSettingsQueryOptions());
  const occupancy = useQuery(occupancyQueryOptions());
  const [saved, setSaved] = useState(false);
  // The doors to choose from come with the live counts: wait for them (or their failure) before editing.
  if (settings.isPending || occupancy.isPending) return <Skeleton className="h-96 rounded-2xl" />;
  if (settings.error) return <SectionMessage title={t('settings.spaces.loadFailed')}>{problemText(settings.error)}</SectionMessage>;
  // The account's doors as the vendor serves them (names as the dashboard shows them).
  const devices: AccountDevice[] = (occupancy.data?.devices ?? []).map((d) => ({ id: d.id, name: d.name, capacity: d.capacity }));
  return <SpacesEditor key={JSON.stringify(settings.data.values.spaces)} settings={settings.data} devices={devices} saved={saved} onSaved={setSaved} />;
}

/** The server's field path (spaces.3.doors.0.device) as a list of keys and indexes. */
export function parsePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

interface EditorProps {
  settings: AdminSettings;
  devices: AccountDevice[];
  saved: boolean;
  onSaved: (saved: boolean) => void;
}

function SpacesEditor({ settings, devices, saved, onSaved }: EditorProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const value = settings.values.spaces;
  const lock = settings.locked.spaces;
  const [draft, setDraftState] = useState<SpacesDraft>(() => draftFromValue(value, devices));
  const [shown, setShown] = useState(false);
  const focusKey = useRef<string | null>(null);
  const save = useMutation({
    mutationFn: (next: unknown) => saveSettings('spaces', next),
    onSuccess: (answer) => {
      onSaved(true);
      queryClient.setQueryData(ADMIN_SETTINGS_KEY, answer);
      void queryClient.invalidateQueries({ queryKey: ['config'] });
      void queryClient.invalidateQueries({ queryKey: ['occupancy'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
  const setDraft = (next: SpacesDraft) => {
    setDraftState(next);
    save.reset();
    onSaved(false);
  };

  useEffect(() => {
    if (focusKey.current === null) return;
    document.getElementById(`${id}-${focusKey.current}-name`)?.focus();
    focusKey.current = null;
  });

  const problems = draftProblems(draft);
  const serverError = save.error instanceof ApiRequestError ? save.error : null;
  const serverKey = serverError?.field === undefined ? null : fieldKey(draft, parsePath(serverError.field));
  // The server's refusal at its field: its own words in English (they name the path), else the screen's.
  const serverWords = serverError === null ? undefined : activeLanguage() === 'en' ? serverError.message : fieldProblem(serverError, serverError.field ?? '');
  const errorAt = (key: string) => (shown ? problems[key] : undefined) ?? (serverKey === key ? serverWords : undefined);
  const next = draftValue(draft);
  const changes = spacesChanges(value, next, changeWords());
  const rows = treeOrder(draft);
  const choices = devicesToChoose(devices, draft);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      document.querySelector<HTMLElement>(`[data-key="${CSS.escape(first)}"]`)?.focus();
      return;
    }
    save.mutate(next);
  };

  const devicesById = new Map(devices.map((d) => [d.id, d]));
  const readOnly = lock !== undefined;

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-ink">
        {t('settings.spaces.title')}
      </h2>
      <p className="text-sm text-muted">{t('settings.spaces.intro')}</p>
      {lock ? <LockNote>{t('settings.spaces.locked', { lock: lockNote(lock) })}</LockNote> : null}
      <fieldset disabled={readOnly} className="mt-5 min-w-0">
        <legend className="sr-only">{t('settings.displays.spaces')}</legend>
        {draft.spaces.length === 0 ? (
          <div className="rounded-xl bg-sunken p-4 text-sm text-ink">
            <p>{t('settings.spaces.none')}</p>
            {readOnly ? null : (
              <Button
                tone="accent"
                className="mt-3 min-h-12 px-4"
                onClick={() =>
                  setDraft(
                    startSpaces(
                      draft,
                      settings.values.shownName,
                      devices.length > 0
                        ? devices
                        : draft.devices.map((d) => ({ id: d.id, name: d.label || t('settings.alerts.deviceN', { n: d.id }), capacity: d.capacity ?? null })),
                    ),
                  )
                }
              >
                {t('settings.spaces.setUp')}
              </Button>
            )}
          </div>
        ) : (
          <ol className="space-y-3" aria-label={t('settings.spaces.listLabel')}>
            {rows.map(({ space, depth }) => (
              <li key={space.key} style={{ marginInlineStart: `${Math.min(depth, 4) * 0.75}rem` }}>
                <SpaceCard
                  formId={id}
                  space={space}
                  depth={depth}
                  draft={draft}
                  choices={choices}
                  errorAt={errorAt}
                  onChange={(patch) => setDraft(updateSpace(draft, space.key, patch))}
                  onRename={(name) => setDraft(renameSpace(draft, space.key, name))}
                  onAdd={() => {
                    const added = addSpace(draft, space.key);
                    focusKey.current = added.key;
                    setDraft(added.draft);
                  }}
                  onRemove={() => setDraft(removeSpace(draft, space.key))}
                />
              </li>
            ))}
          </ol>
        )}
        {draft.devices.length > 0 ? (
          <fieldset className="mt-6 min-w-0">
            <legend className="text-base font-semibold text-ink">{t('settings.spaces.doorNames')}</legend>
            <p className="text-sm text-muted">{t('settings.spaces.doorNamesIntro')}</p>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {draft.devices.map((d) => (
                <Field
                  key={d.id}
                  id={`${id}-device-${d.id}`}
                  label={t('settings.alerts.deviceN', { n: d.id })}
                  error={errorAt(`device:${d.id}`)}
                  hint={devicesById.get(d.id) ? t('settings.spaces.vendorName', { name: devicesById.get(d.id)!.name }) : undefined}
                >
                  {(a11y) => (
                    <input
                      type="text"
                      id={`${id}-device-${d.id}`}
                      data-key={`device:${d.id}`}
                      value={d.label}
                      maxLength={100}
                      autoComplete="off"
                      onChange={(e) => setDraft(setLabel(draft, d.id, e.target.value))}
                      className={inputClass(a11y['aria-invalid'] === true)}
                      {...a11y}
                      disabled={readOnly}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        ) : null}
      </fieldset>
      {readOnly ? null : (
        <>
          {errorAt('form') ? <p className="mt-4 text-sm text-full-ink">{errorAt('form')}</p> : null}
          <SaveBar
            id={id}
            changes={changes}
            pending={save.isPending}
            label={t('settings.spaces.save')}
            className="-mx-4 mt-6 flex flex-col gap-3 border-t border-line bg-surface px-4 py-3 sm:sticky sm:bottom-0 sm:z-10 sm:-mx-6 sm:flex-row sm:items-end sm:justify-between sm:px-6"
          />
          <SaveStatus
            saved={saved ? t('settings.spaces.saved') : null}
            problem={save.error ? (serverKey === null ? t('settings.notSaved', { reason: problemText(save.error) }) : t('settings.spaces.seeField')) : null}
          />
        </>
      )}
    </form>
  );
}

interface Choice {
  value: string;
  label: string;
}

/** The account's devices, plus any a door names that the account does not serve (kept visible, marked). */
export function devicesToChoose(devices: readonly AccountDevice[], draft: SpacesDraft): Choice[] {
  // Without a live answer (the vendor is down) nobody knows which devices the account has.
  const unknown = devices.length > 0;
  const labels = new Map(draft.devices.map((d) => [d.id, d.label]));
  const choices = devices.map((d) => ({ value: String(d.id), label: `${labels.get(d.id) || d.name} (${d.id})` }));
  const known = new Set(choices.map((c) => c.value));
  for (const s of draft.spaces) {
    for (const door of s.doors) {
      if (door.device !== '' && !known.has(door.device)) {
        known.add(door.device);
        choices.push({
          value: door.device,
          label: deviceChoiceLabel(door.device, labels.get(Number(door.device)), unknown),
        });
      }
    }
  }
  return choices;
}

interface SpaceCardProps {
  formId: string;
  space: DraftSpace;
  depth: number;
  draft: SpacesDraft;
  choices: Choice[];
  errorAt: (key: string) => string | undefined;
  onChange: (patch: Partial<Omit<DraftSpace, 'key' | 'saved'>>) => void;
  onRename: (name: string) => void;
  onAdd: () => void;
  onRemove: () => void;
}

function SpaceCard({ formId, space, depth, draft, choices, errorAt, onChange, onRename, onAdd, onRemove }: SpaceCardProps) {
  const base = `${formId}-${space.key}`;
  const k = (field: string) => `${space.key}.${field}`;
  const named = space.name.trim() || t('settings.spaces.thisSpace');
  const parents = space.parent === null ? [] : parentChoices(draft, space.key);
  return (
    <section
      aria-label={space.parent === null ? t('settings.spaces.theSite', { name: named }) : named}
      className={`rounded-xl border border-line p-3 sm:p-4 ${depth > 0 ? 'border-s-4 border-s-accent-soft' : ''}`}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          className="lg:col-span-2"
          id={`${base}-name`}
          label={space.parent === null ? t('settings.spaces.rootName') : t('settings.spaces.name')}
          error={errorAt(k('name'))}
        >
          {(a11y) => (
            <input
              type="text"
              id={`${base}-name`}
              data-key={k('name')}
              value={space.name}
              maxLength={100}
              autoComplete="off"
              onChange={(e) => onRename(e.target.value)}
              className={inputClass(a11y['aria-invalid'] === true)}
              {...a11y}
            />
          )}
        </Field>
        <Field
          className="lg:col-span-2"
          id={`${base}-id`}
          label={t('settings.spaces.id')}
          error={errorAt(k('id'))}
          hint={space.saved ? t('settings.spaces.idFixed') : t('settings.spaces.idHint')}
        >
          {(a11y) => (
            <input
              type="text"
              id={`${base}-id`}
              data-key={k('id')}
              value={space.id}
              readOnly={space.saved}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange({ id: e.target.value })}
              className={`${inputClass(a11y['aria-invalid'] === true)} read-only:bg-sunken read-only:text-muted`}
              {...a11y}
            />
          )}
        </Field>
        <Field id={`${base}-capacity`} label={t('settings.spaces.capacity')} error={errorAt(k('capacity'))} hint={t('settings.spaces.capacityHint')}>
          {(a11y) => (
            <input
              type="text"
              inputMode="numeric"
              id={`${base}-capacity`}
              data-key={k('capacity')}
              value={space.capacity}
              autoComplete="off"
              onChange={(e) => onChange({ capacity: e.target.value })}
              className={inputClass(a11y['aria-invalid'] === true)}
              {...a11y}
            />
          )}
        </Field>
        <Field id={`${base}-nearlyFull`} label={t('settings.spaces.nearlyFull')} error={errorAt(k('nearlyFull'))} hint={t('settings.spaces.nearlyFullHint')}>
          {(a11y) => (
            <input
              type="text"
              inputMode="decimal"
              id={`${base}-nearlyFull`}
              data-key={k('nearlyFull')}
              value={space.nearlyFull}
              placeholder="80"
              autoComplete="off"
              onChange={(e) => onChange({ nearlyFull: e.target.value })}
              className={inputClass(a11y['aria-invalid'] === true)}
              {...a11y}
            />
          )}
        </Field>
        {space.parent === null ? null : (
          <Field className="sm:col-span-2" id={`${base}-parent`} label={t('settings.spaces.inside')} error={errorAt(k('parent'))}>
            {(a11y) => (
              <select
                id={`${base}-parent`}
                data-key={k('parent')}
                value={space.parent ?? ''}
                onChange={(e) => onChange({ parent: e.target.value })}
                className={inputClass(a11y['aria-invalid'] === true)}
                {...a11y}
              >
                {parents.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.name.trim() || p.id}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <fieldset className="mt-4 min-w-0">
        <legend className="text-sm font-semibold break-words text-ink">{t('settings.spaces.doorsOf', { name: named })}</legend>
        {space.doors.length === 0 ? <p className="mt-1 text-sm text-muted">{t('settings.spaces.noDoors')}</p> : null}
        <ul className="mt-2 space-y-2">
          {space.doors.map((door, i) => (
            <li key={i} className="flex flex-wrap items-end gap-2">
              <div className="min-w-48 flex-1">
                <Field id={`${base}-door-${i}`} label={t('settings.spaces.doorDevice', { n: i + 1 })} error={errorAt(k(`doors.${i}.device`))}>
                  {(a11y) => (
                    <select
                      id={`${base}-door-${i}`}
                      data-key={k(`doors.${i}.device`)}
                      value={door.device}
                      onChange={(e) => onChange({ doors: space.doors.map((d, j) => (j === i ? { ...d, device: e.target.value } : d)) })}
                      className={inputClass(a11y['aria-invalid'] === true)}
                      {...a11y}
                    >
                      <option value="">{t('settings.spaces.chooseDevice')}</option>
                      {choices.map((c) => (
                        <option key={c.value} value={c.value}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <div className="min-w-48 flex-1">
                <Field id={`${base}-side-${i}`} label={t('settings.spaces.doorSide', { n: i + 1 })} error={errorAt(k(`doors.${i}.side`))}>
                  {(a11y) => (
                    <select
                      id={`${base}-side-${i}`}
                      data-key={k(`doors.${i}.side`)}
                      value={door.side}
                      onChange={(e) => onChange({ doors: space.doors.map((d, j) => (j === i ? { ...d, side: e.target.value === 'out' ? 'out' : 'in' } : d)) })}
                      className={inputClass(false)}
                      {...a11y}
                    >
                      <option value="in">{t('settings.spaces.sideIn', { name: named })}</option>
                      <option value="out">{t('settings.spaces.sideOut', { name: named })}</option>
                    </select>
                  )}
                </Field>
              </div>
              <Button
                tone="quiet"
                className="min-h-12 px-3"
                aria-label={t('settings.spaces.removeDoor', { n: i + 1, name: named })}
                onClick={() => onChange({ doors: space.doors.filter((_, j) => j !== i) })}
              >
                {t('settings.remove')}
              </Button>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button tone="accent" className="min-h-12 px-4" onClick={() => onChange({ doors: [...space.doors, { device: '', side: 'in' }] })}>
          {t('settings.spaces.addDoor')}
        </Button>
        <Button tone="accent" className="min-h-12 px-4" onClick={onAdd} aria-label={t('settings.spaces.addInsideNamed', { name: named })}>
          {t('settings.spaces.addInside')}
        </Button>
        {space.parent === null ? null : (
          <Button tone="quiet" className="min-h-12 px-4" onClick={onRemove} aria-label={t('settings.spaces.removeSpaceNamed', { name: named })}>
            {t('settings.spaces.removeSpace')}
          </Button>
        )}
      </div>
    </section>
  );
}

/** A door's device in the list: its label and number, or "Device 7"; marked when the account does not serve it. */
function deviceChoiceLabel(device: string, label: string | undefined, unknown: boolean): string {
  if (label) return unknown ? t('settings.spaces.labelledUnknown', { label, id: device }) : t('settings.change.deviceLabelled', { label, id: device });
  return unknown ? t('settings.spaces.deviceUnknown', { id: device }) : t('settings.alerts.deviceN', { n: device });
}

export type { DraftProblems };
