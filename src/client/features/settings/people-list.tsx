// Everyone with an account: name, email, role (changeable), and for each person a new link or
// removal (after a confirmation naming them). Your own row says what only another admin can do.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, RetryButton } from '@/client/components/ui/button';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { CheckCircleIcon } from '@/client/components/ui/icons';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import type { Role } from '@/client/lib/me-queries';
import type { Person, PersonLink } from '@/shared/people-schema';
import { changeRole, newLink, peopleQueryOptions } from './people-queries';
import { describePeopleFailure, ROLE_WORDS } from './people-words';
import { RemovePersonDialog } from './remove-person-dialog';

interface PeopleListProps {
  onLink: (link: PersonLink) => void;
}

export function PeopleList({ onLink }: PeopleListProps) {
  const headingId = useId();
  const people = useQuery(peopleQueryOptions());
  const [removing, setRemoving] = useState<Person | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  let body;
  if (people.isPending) {
    body = (
      <div className="mt-4 space-y-3" aria-busy="true">
        <p className="sr-only">{t('settings.people.loading')}</p>
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-16 w-full" />
      </div>
    );
  } else if (people.isError && people.data === undefined) {
    body = (
      <div role="alert" className="mt-4">
        <FieldError id={`${headingId}-error`} message={t('settings.people.listFailed', { reason: describePeopleFailure(people.error).message })} />
        <RetryButton
          retrying={people.isFetching}
          onRetry={() => void people.refetch()}
          label={t('settings.page.tryAgain')}
          tone="accent"
          className="mt-3 px-4"
        />
      </div>
    );
  } else if (people.data.length === 0) {
    body = <p className="mt-4 text-base text-muted">{t('settings.people.nobody')}</p>;
  } else {
    body = (
      <ul className="mt-2 divide-y divide-line">
        {people.data.map((person) => (
          <PersonRow key={person.id} person={person} onLink={onLink} onRemove={() => setRemoving(person)} />
        ))}
      </ul>
    );
  }

  return (
    <Panel headingId={headingId} heading={t('settings.people.list.title')} subtitle={t('settings.people.list.intro')} level={3}>
      <p role="status" className="mt-1 text-sm font-medium text-ok-ink">
        {removed ? t('settings.people.removed', { name: removed }) : null}
      </p>
      {body}
      {removing ? (
        <RemovePersonDialog
          person={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoved(removing.name);
            setRemoving(null);
          }}
        />
      ) : null}
    </Panel>
  );
}

interface PersonRowProps {
  person: Person;
  onLink: (link: PersonLink) => void;
  onRemove: () => void;
}

function PersonRow({ person, onLink, onRemove }: PersonRowProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: peopleQueryOptions().queryKey });
  const [said, setSaid] = useState<string | null>(null);

  const role = useMutation({
    mutationFn: changeRole,
    onSuccess: (updated, { role: to }) => {
      setSaid(to === 'staff' ? t('settings.people.nowStaff', { name: updated.name }) : t('settings.people.nowAdmin', { name: updated.name }));
      return refresh();
    },
    onError: () => setSaid(null),
  });
  const link = useMutation({ mutationFn: newLink, onSuccess: onLink });
  const failure = role.error ?? link.error;
  const failureText = failure ? describePeopleFailure(failure).message : undefined;

  return (
    <li className="grid gap-x-6 gap-y-3 py-4 sm:grid-cols-[minmax(0,1fr)_13rem] lg:grid-cols-[minmax(0,1fr)_13rem_14rem] lg:items-center">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-base font-semibold break-words text-ink">
          {person.name}
          {person.you ? (
            <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent-ink">{t('settings.people.you')}</span>
          ) : null}
        </p>
        <p className="text-sm break-all text-muted">{person.email}</p>
      </div>
      <div>
        <label htmlFor={`${id}-role`} className="sr-only">
          {t('settings.people.roleOf', { name: person.name })}
        </label>
        <select
          id={`${id}-role`}
          value={role.isPending ? role.variables.role : person.role}
          disabled={person.you || role.isPending}
          aria-describedby={[person.you ? `${id}-you` : '', failureText ? `${id}-error` : ''].join(' ').trim() || undefined}
          onChange={(e) => {
            link.reset();
            role.mutate({ id: person.id, role: e.target.value as Role });
          }}
          className="block min-h-12 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink disabled:opacity-70"
        >
          {(['admin', 'staff'] as const).map((r) => (
            <option key={r} value={r}>
              {t(ROLE_WORDS[r].name)}
            </option>
          ))}
        </select>
        {person.you ? (
          <p id={`${id}-you`} className="mt-1 text-sm text-muted">
            {t('settings.people.youNote')}
          </p>
        ) : null}
      </div>
      {person.you ? (
        <div className="max-lg:hidden" />
      ) : (
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-1 lg:flex-nowrap lg:justify-end">
          <Button
            tone="accent"
            className="min-h-12 px-4 whitespace-nowrap"
            disabled={link.isPending}
            onClick={() => {
              role.reset();
              setSaid(null);
              link.mutate(person.id);
            }}
          >
            {link.isPending ? t('settings.people.makingLink') : t('settings.people.newLink')}{' '}
            <span className="sr-only">{t('settings.people.forName', { name: person.name })}</span>
          </Button>
          <Button tone="secondary" className="min-h-12 px-4 whitespace-nowrap" onClick={onRemove}>
            {t('settings.remove')} <span className="sr-only">{person.name}</span>
          </Button>
        </div>
      )}
      <div className="sm:col-span-2 lg:col-span-3">
        <p role="status" className="flex items-center gap-1.5 text-sm font-medium text-ok-ink">
          {said && !failureText ? (
            <>
              <CheckCircleIcon className="size-4 shrink-0" />
              {said}
            </>
          ) : null}
        </p>
        <div role="alert">{failureText ? <FieldError id={`${id}-error`} message={failureText} /> : null}</div>
      </div>
    </li>
  );
}
