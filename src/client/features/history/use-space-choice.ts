// The space Today's curve and the history view show: one choice for both, kept across polls and,
// for configured spaces, in the address (?space=pool), so a reload or a shared link shows it too.
import { useCallback, useState } from 'react';
import { chosenOption, type SpaceChoices, type SpaceOption } from './space-choice';

export const SPACE_PARAM = 'space';

function spaceInAddress(): string | null {
  return typeof location === 'undefined' ? null : new URLSearchParams(location.search).get(SPACE_PARAM);
}

/** The chosen option (the root until one is chosen, or when the chosen space is gone) and the way to choose. */
export function useSpaceChoice(choices: SpaceChoices): [SpaceOption | undefined, (id: string) => void] {
  const [id, setId] = useState<string | null>(spaceInAddress);
  const rootId = choices.options[0]?.id;
  const { configured } = choices;
  const choose = useCallback(
    (next: string) => {
      setId(next);
      // Without configured spaces the address stays as it always was (a door is not a place to link to).
      if (!configured) return;
      const url = new URL(location.href);
      // The site is the default: its address stays the plain one.
      if (next === rootId) url.searchParams.delete(SPACE_PARAM);
      else url.searchParams.set(SPACE_PARAM, next);
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    },
    [rootId, configured],
  );
  return [chosenOption(choices, id), choose];
}
