// The labelled chooser of the space a chart shows: a native select (keyboard and screen readers
// for free), the site first, then its spaces in a group, which the browser indents under it; a
// space inside a room is listed with the way to it ("Pool hall › Sauna"), which reads the same
// in the open list, the closed chooser and a screen reader (leading spaces would do none of that).
// Without configured spaces: the site and then its doors, as before.
import { t } from '@/client/i18n/i18n';
import type { SpaceChoices } from './space-choice';

interface SpaceSelectProps {
  id: string;
  choices: SpaceChoices;
  value: string;
  onChange: (id: string) => void;
}

export function SpaceSelect({ id, choices, value, onChange }: SpaceSelectProps) {
  const [root, ...rest] = choices.options;
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink"
    >
      {root ? <option value={root.id}>{root.name}</option> : null}
      <optgroup label={choices.configured ? t('history.group.spaces') : t('history.group.oneDoor')}>
        {rest.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
