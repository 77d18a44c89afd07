// The labelled chooser of the space a chart shows: a native select (keyboard and screen readers
// for free), the site first, then its spaces in a group (which the browser indents), each
// indented under its parent; without configured spaces, the site and then its doors, as before.
import type { SpaceChoices } from './space-choice';

// Options cannot be styled, so depth below the group is shown by leading no-break spaces. The
// group itself is indented by the browser only in the open list, so the closed chooser shows a
// top-level space without a gap before its name.
const INDENT = '\u00a0\u00a0\u00a0';

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
      <optgroup label={choices.configured ? 'Spaces' : 'One door'}>
        {rest.map((o) => (
          <option key={o.id} value={o.id}>
            {INDENT.repeat(Math.max(0, o.depth - 1))}
            {o.name}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
