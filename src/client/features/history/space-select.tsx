// The labelled chooser of the space a chart shows: a native select (keyboard and screen readers
// for free), the site first and each space indented under its parent; without configured spaces,
// the site and then its doors, as before spaces existed.
import type { SpaceChoices } from './space-choice';

// Options cannot be styled, so depth is shown by leading no-break spaces.
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
      {choices.configured ? (
        choices.options.map((o) => (
          <option key={o.id} value={o.id}>
            {INDENT.repeat(o.depth)}
            {o.name}
          </option>
        ))
      ) : (
        <>
          {root ? <option value={root.id}>{root.name}</option> : null}
          <optgroup label="One door">
            {rest.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </optgroup>
        </>
      )}
    </select>
  );
}
