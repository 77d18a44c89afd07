// Settings ▸ People's requests: the list of people, and the four changes an administrator makes.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { apiErrorSchema, type Role } from '@/shared/api-schema';
import { peopleSchema, personLinkSchema, personSchema } from '@/shared/people-schema';

const PEOPLE = '/api/admin/people';

export const peopleQueryOptions = () =>
  queryOptions({
    queryKey: ['admin', 'people'],
    queryFn: ({ signal }) => fetchJson(PEOPLE, peopleSchema, { signal }),
  });

const personPath = (id: string) => `${PEOPLE}/${encodeURIComponent(id)}`;

export const addPerson = (body: { name: string; email: string; role: Role }) => send(PEOPLE, personLinkSchema, 'POST', body);
export const changeRole = ({ id, role }: { id: string; role: Role }) => send(personPath(id), personSchema, 'PATCH', { role });
export const removePerson = (id: string) => send(personPath(id), z.unknown(), 'DELETE');
export const newLink = (id: string) => send(`${personPath(id)}/link`, personLinkSchema, 'POST');

/** A state-changing request with a JSON body; failures as ApiRequestError, like fetchJson's. */
async function send<S extends z.ZodType>(path: string, schema: S, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'network', message: 'The server could not be reached.' });
  }
  const json: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(json);
    if (error.success) throw new ApiRequestError({ status: response.status, ...error.data.error });
    throw new ApiRequestError({
      status: response.status,
      code: response.status >= 502 && response.status <= 504 ? 'network' : 'invalid_response',
      message: `The server answered with HTTP ${response.status} and no readable explanation.`,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiRequestError({ status: response.status, code: 'invalid_response', message: "The server's answer does not have the expected shape." });
  return parsed.data;
}
