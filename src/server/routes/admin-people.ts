// Settings ▸ People: who has an account, adding someone (with a one-time set-password link to hand
// over), changing a role, removing someone (their sessions end at once) and a new link. There is
// always an administrator left, and nobody removes themselves. Every change is in the audit log.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, type Person, type PersonLink } from '@/shared/people-schema';
import { principalOf, requestOrigin } from '../access';
import { AccountError, type Accounts, type CreatedUser } from '../auth/accounts';
import type { Principal } from '../auth/principal';
import { ApiHttpError } from '../http-error';
import { recordAudit } from '../store/audit';
import type { Store } from '../store/store';
import { readBody } from './session';

export interface AdminPeopleDeps {
  accounts: Accounts;
  store: Store;
  trustProxy?: boolean | undefined;
}

const role = z.enum(['admin', 'staff'], { message: 'is admin or staff' });

export const addPersonSchema = z.object({
  email: z.string().trim().toLowerCase().email('is not an email address').max(EMAIL_MAX_LENGTH, `may have at most ${EMAIL_MAX_LENGTH} characters`),
  name: z.string().trim().min(1, 'is empty').max(NAME_MAX_LENGTH, `may have at most ${NAME_MAX_LENGTH} characters`),
  role,
});
export const changeRoleSchema = z.object({ role });

const NO_SUCH_PERSON = 'There is no such person: they may have been removed already.';

/** One change at a time: two admins demoting each other at once must not leave nobody in charge. */
function oneAtATime() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

export function adminPeopleRoutes(deps: AdminPeopleDeps) {
  const { accounts, store } = deps;
  const trustProxy = deps.trustProxy ?? false;
  const exclusive = oneAtATime();

  const find = async (id: string) => {
    const person = (await accounts.list()).find((p) => p.id === id);
    if (person === undefined) throw new ApiHttpError(404, 'not_found', NO_SUCH_PERSON);
    return person;
  };
  const adminCount = async () => (await accounts.list()).filter((p) => p.role === 'admin').length;

  const linkFor = async (c: Context, person: CreatedUser, signInRequired: boolean): Promise<PersonLink> => {
    const { token, expiresAt } = await accounts.passwordToken(person.email);
    return {
      id: person.id,
      email: person.email,
      name: person.name,
      role: person.role,
      setPasswordUrl: `${requestOrigin(c, trustProxy)}/set-password#token=${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
      signInRequired,
    };
  };

  const isYou = (principal: Principal, id: string) => principal.kind === 'user' && principal.id === id;

  return new Hono()
    .get('/', async (c) => {
      const principal = principalOf(c);
      const people: Person[] = (await accounts.list()).map((p) => ({ ...p, you: isYou(principal, p.id) }));
      return c.json(people, 200);
    })
    .post('/', async (c) => {
      const principal = principalOf(c);
      const body = await readBody(c, addPersonSchema);
      return exclusive(async () => {
        const first = accounts.count() === 0;
        if (first && body.role !== 'admin') {
          throw new ApiHttpError(
            400,
            'bad_request',
            'The first person added must be an administrator: from then on everyone signs in, and someone has to be able to change the settings.',
            'role',
          );
        }
        let person: CreatedUser;
        try {
          person = await accounts.createUser(body);
        } catch (error) {
          if (error instanceof AccountError && error.kind === 'exists')
            throw new ApiHttpError(409, 'conflict', 'Someone with this email already has an account.', 'email');
          throw error;
        }
        const link = await linkFor(c, person, first && principal.kind === 'open');
        await recordAudit(store, { actor: principal, action: 'person.added', target: person.email, detail: { role: person.role } });
        return c.json(link, 201);
      });
    })
    .patch('/:id', async (c) => {
      const principal = principalOf(c);
      const id = c.req.param('id');
      const body = await readBody(c, changeRoleSchema);
      return exclusive(async () => {
        const person = await find(id);
        if (person.role !== body.role) {
          if (person.role === 'admin' && (await adminCount()) <= 1) {
            throw new ApiHttpError(409, 'conflict', `${person.name} is the only administrator: make someone else an administrator first.`, 'role');
          }
          await accounts.setRole(id, body.role);
          // A demoted person signs in again: nothing they had open keeps an administrator's view.
          if (body.role === 'staff') await accounts.endSessions(id);
          await recordAudit(store, { actor: principal, action: 'person.role_changed', target: person.email, detail: { from: person.role, to: body.role } });
        }
        const updated: Person = { ...person, role: body.role, you: isYou(principal, id) };
        return c.json(updated, 200);
      });
    })
    .delete('/:id', async (c) => {
      const principal = principalOf(c);
      const id = c.req.param('id');
      return exclusive(async () => {
        const person = await find(id);
        if (isYou(principal, id)) {
          throw new ApiHttpError(409, 'conflict', 'You cannot remove yourself: ask another administrator to do it.');
        }
        if (person.role === 'admin' && (await adminCount()) <= 1) {
          throw new ApiHttpError(409, 'conflict', `${person.name} is the only administrator: make someone else an administrator first.`);
        }
        // Their sessions go with the account, and the session cache is cleared: their next request is refused.
        await accounts.remove(id);
        await recordAudit(store, { actor: principal, action: 'person.removed', target: person.email, detail: { role: person.role } });
        return c.body(null, 204);
      });
    })
    .post('/:id/link', async (c) => {
      const principal = principalOf(c);
      const id = c.req.param('id');
      return exclusive(async () => {
        const person = await find(id);
        const link = await linkFor(c, person, false);
        await recordAudit(store, { actor: principal, action: 'person.link_made', target: person.email });
        return c.json(link, 200);
      });
    });
}
