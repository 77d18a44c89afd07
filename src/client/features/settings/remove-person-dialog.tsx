// "Remove Anna Staff?": what removal does (signed out everywhere at once, the link stops working),
// with Cancel focused first so a stray Enter removes nobody.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { buttonClass } from '@/client/components/ui/button';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { Dialog } from '@/client/components/ui/dialog';
import type { Person } from '@/shared/people-schema';
import { peopleQueryOptions, removePerson } from './people-queries';
import { describePeopleFailure } from './people-words';

interface RemovePersonDialogProps {
  person: Person;
  onClose: () => void;
  onRemoved: () => void;
}

export function RemovePersonDialog({ person, onClose, onRemoved }: RemovePersonDialogProps) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: removePerson,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryOptions().queryKey });
      onRemoved();
    },
  });
  const failure = remove.error ? describePeopleFailure(remove.error).message : undefined;

  return (
    <Dialog
      labelledBy={titleId}
      onClose={onClose}
      initialFocus={cancelRef}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl border border-line bg-surface shadow-2xl"
    >
      <div className="p-5 sm:p-6">
        <h2 id={titleId} className="text-lg font-semibold break-words text-ink sm:text-xl">
          {t('settings.people.remove.title', { name: person.name })}
        </h2>
        <p className="mt-2 text-base text-ink">
          {tx('settings.people.remove.body', { email: (c) => <span className="font-semibold break-all">{c}</span>, address: person.email, name: person.name })}
        </p>
        <p className="mt-2 text-sm text-muted">{t('settings.people.remove.later')}</p>
        <div role="alert">{failure ? <FieldError id={`${titleId}-error`} message={failure} /> : null}</div>
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <button ref={cancelRef} type="button" onClick={onClose} className={buttonClass('secondary', 'min-h-12 px-5')}>
            {t('settings.cancel')}
          </button>
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate(person.id)}
            className="inline-flex min-h-12 items-center justify-center rounded-lg bg-full-ink px-5 font-semibold text-surface hover:opacity-90 disabled:cursor-wait disabled:opacity-60"
          >
            {remove.isPending ? t('settings.people.removing') : t('settings.people.removeNamed', { name: person.name })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
