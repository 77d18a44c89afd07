import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../test/support';
import { createAccounts } from './accounts';

describe('accounts', () => {
  it('a set-password token is kept only as a hash: the store holds no working link, and the link still works once', async () => {
    const store = memoryStore();
    const accounts = createAccounts({ store, secret: 'a-test-secret-long-enough-for-better-auth', logger: pino({ level: 'silent' }) });
    await accounts.createUser({ email: 'sam@example.org', name: 'Sam', role: 'staff' });
    const { token } = await accounts.passwordToken('sam@example.org');
    const rows = store.sqlite.prepare('select identifier, value from verification').all() as { identifier: string; value: string }[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    await accounts.setPassword(token, 'a password of my own');
    expect((await accounts.signIn('sam@example.org', 'a password of my own', false)).user.email).toBe('sam@example.org');
    await expect(accounts.setPassword(token, 'another password here')).rejects.toMatchObject({ kind: 'bad_token' });
  });
});
