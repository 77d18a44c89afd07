// What a site with configured spaces exports: one space (the file holds its boundary doors) or
// single doors ticked in the live list. The spaces are shown as the tree they form, so a screen
// reader hears the nesting too (lists in lists), and each says how many doors its file has.
import { type ReactNode, useId } from 'react';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { t } from '@/client/i18n/i18n';
import { formatList } from '@/client/lib/format';
import { TickList } from './device-fields';
import type { ExportDevice } from './export-devices';
import type { ExportFormValues } from './export-request';
import type { ExportSpace } from './export-spaces';

interface SpaceFieldsProps {
  spaces: ExportSpace[];
  /** The live PRO devices; null when the list is not available (then only a space can be chosen). */
  devices: ExportDevice[] | null | undefined;
  /** The effective values: mode 'space' or 'chosen', and a space that exists. */
  values: Pick<ExportFormValues, 'deviceMode' | 'space' | 'chosen'>;
  errors: { space?: string; devices?: string };
  onChange: (patch: Partial<ExportFormValues>) => void;
}

export function SpaceFields({ spaces, devices, values, errors, onChange }: SpaceFieldsProps) {
  const id = useId();
  const bySpace = values.deviceMode !== 'chosen';
  const canTick = Array.isArray(devices) && devices.length > 0;
  const chosen = spaces.find((s) => s.id === values.space) ?? spaces[0];

  return (
    <fieldset className="min-w-0" aria-describedby={canTick ? undefined : `${id}-no-list`}>
      <legend className="text-sm font-semibold text-ink">{t('export.scope.legend')}</legend>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <Tile name={`${id}-scope`} checked={bySpace} onChange={() => onChange({ deviceMode: 'space' })}>
          {t('export.scope.space')}
        </Tile>
        <Tile name={`${id}-scope`} checked={!bySpace} disabled={!canTick} onChange={() => onChange(toDoors(values.chosen, chosen))}>
          {t('export.scope.doors')}
        </Tile>
      </div>
      {canTick ? null : (
        <p id={`${id}-no-list`} className="mt-2 text-sm text-muted">
          {devices === undefined ? t('export.doors.loading') : t('export.doors.unavailable')}
        </p>
      )}

      {bySpace && chosen ? (
        <SpaceList id={id} spaces={spaces} chosen={chosen} error={errors.space} onChange={(space) => onChange({ deviceMode: 'space', space })} />
      ) : null}
      {!bySpace && canTick ? (
        <fieldset
          data-field="devices"
          className="mt-4 min-w-0"
          aria-invalid={errors.devices ? true : undefined}
          aria-describedby={errors.devices ? `${id}-devices-error` : undefined}
        >
          <legend className="text-sm font-semibold text-ink">{t('export.doors.legend')}</legend>
          <TickList devices={devices} chosen={values.chosen} listLabel={t('export.doors.listLabel')} onChange={onChange} />
          <FieldError id={`${id}-devices-error`} message={errors.devices} />
        </fieldset>
      ) : null}
    </fieldset>
  );
}

interface SpaceListProps {
  id: string;
  spaces: ExportSpace[];
  chosen: ExportSpace;
  error: string | undefined;
  onChange: (space: string) => void;
}

function SpaceList({ id, spaces, chosen, error, onChange }: SpaceListProps) {
  const errorId = `${id}-space-error`;
  const note = spaceNote(chosen);
  const noteId = note ? `${id}-space-note` : '';
  const children = (parent: ExportSpace) => {
    const at = spaces.indexOf(parent);
    const below: ExportSpace[] = [];
    // Depth-first order: a space's subtree runs until the next space no deeper than it.
    for (const s of spaces.slice(at + 1)) {
      if (s.depth <= parent.depth) break;
      if (s.depth === parent.depth + 1) below.push(s);
    }
    return below;
  };
  const item = (space: ExportSpace): ReactNode => {
    const below = children(space);
    const countId = `${id}-doors-${space.id}`;
    return (
      <li key={space.id}>
        <label
          className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 ${
            space.id === chosen.id ? 'bg-accent-soft text-accent-ink' : 'text-ink hover:bg-sunken'
          }`}
        >
          <input
            type="radio"
            name={`${id}-space`}
            value={space.id}
            checked={space.id === chosen.id}
            onChange={() => onChange(space.id)}
            aria-describedby={countId}
            className="size-4 shrink-0 accent-accent"
          />
          <span className={`min-w-0 flex-1 truncate ${space.depth === 0 ? 'font-semibold' : 'font-medium'}`}>{space.name}</span>
          <span id={countId} aria-hidden="true" className="shrink-0 text-sm text-muted tabular-nums">
            {t('export.doorCount', { count: space.doors.length })}
          </span>
        </label>
        {below.length > 0 ? <ul className="mt-1 ml-4 space-y-1 border-l border-line pl-2">{below.map(item)}</ul> : null}
      </li>
    );
  };
  const roots = spaces.filter((s) => s.depth === 0);

  return (
    <fieldset
      data-field="space"
      className="mt-4 min-w-0"
      aria-invalid={error ? true : undefined}
      aria-describedby={[error ? errorId : '', noteId].join(' ').trim()}
    >
      <legend className="text-sm font-semibold text-ink">{t('export.space.legend')}</legend>
      <ul className="mt-2 space-y-1 rounded-lg border border-line bg-canvas p-2">{roots.map(item)}</ul>
      <FieldError id={errorId} message={error} />
      {note ? (
        <p id={noteId} className="mt-2 text-sm break-words text-muted">
          {note}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Single doors; when none is ticked yet, the space's doors are, as a start to refine. */
function toDoors(ticked: number[], space: ExportSpace | undefined): Partial<ExportFormValues> {
  if (ticked.length > 0 || !space) return { deviceMode: 'chosen' };
  return { deviceMode: 'chosen', chosen: space.doors.map((d) => d.device) };
}

/** What the chosen space's file holds, and which of its counters count leaving as IN; '' for none (the form's check says why). */
export function spaceNote(space: ExportSpace): string {
  if (space.doors.length === 0) return '';
  const names = formatList(space.doors.map((d) => d.label));
  const reversed = space.doors.filter((d) => d.side === 'out').map((d) => d.label);
  const rows = space.doors.length === 1 ? t('export.space.oneDoor', { names }) : t('export.space.doors', { count: space.doors.length, names });
  if (reversed.length === 0) return rows;
  // An inner door seen from outside, or a counter mounted the other way round: its IN is leaving.
  return `${rows} ${t('export.space.reversed', { doors: formatList(reversed), space: space.name })}`;
}

function Tile({
  name,
  checked,
  disabled = false,
  onChange,
  children,
}: {
  name: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <label
      className={`flex min-h-11 items-center gap-2 rounded-lg border px-3 text-sm font-medium ${
        disabled
          ? 'cursor-not-allowed border-line bg-surface text-muted'
          : checked
            ? 'cursor-pointer border-accent bg-accent-soft text-accent-ink'
            : 'cursor-pointer border-line bg-surface text-ink hover:bg-sunken'
      }`}
    >
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChange} className="size-4 accent-accent" />
      {children}
    </label>
  );
}
