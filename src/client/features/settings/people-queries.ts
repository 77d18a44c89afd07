// Settings ▸ People's requests: the list of people, and the four changes an administrator makes.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { fetchJson } from '@/client/lib/api-client';
import type { Role } from '@/shared/api-schema';
import { peopleSchema, personLinkSchema, personSchema } from '@/shared/people-schema';

const PEOPLE = '/api/admin/people';

export const peopleQueryOptions = () =>
  queryOptions({
    queryKey: ['admin', 'people'],
    queryFn: ({ signal }) => fetchJson(PEOPLE, peopleSchema, { signal }),
  });

const personPath = (id: string) => `${PEOPLE}/${encodeURIComponent(id)}`;

export const addPerson = (body: { name: string; email: string; role: Role }) => fetchJson(PEOPLE, personLinkSchema, { method: 'POST', body });
export const changeRole = ({ id, role }: { id: string; role: Role }) => fetchJson(personPath(id), personSchema, { method: 'PATCH', body: { role } });
export const removePerson = (id: string) => fetchJson(personPath(id), z.unknown(), { method: 'DELETE' });
export const newLink = (id: string) => fetchJson(`${personPath(id)}/link`, personLinkSchema, { method: 'POST' });
