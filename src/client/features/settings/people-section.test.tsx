import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '@/client/test/fake-api';
import { json } from '@/client/test/fixtures';
import type { Me } from '@/shared/api-schema';
import { type Person, type PersonLink, personLinkSchema, personSchema } from '@/shared/people-schema';
import { PeopleSection } from './people-section';
import { linkExpiryWords } from './people-words';

const ADMIN_ME: Me = { kind: 'user', user: { id: 'u-ada', email: 'ada@example.org', name: 'Ada Admin', role: 'admin' }, demo: false };
const OPEN_ME: Me = { kind: 'open', demo: true };

const person = (p: Partial<Person> & Pick<Person, 'id' | 'name' | 'email'>): Person =>
  personSchema.parse({ role: 'staff', createdAt: '2026-11-20T09:00:00.000Z', you: false, ...p });

const ADA = person({ id: 'u-ada', name: 'Ada Admin', email: 'ada@example.org', role: 'admin', you: true });
const SAM = person({ id: 'u-sam', name: 'Sam Staff', email: 'sam@example.org' });

const linkFor = (p: { id: string; name: string; email: string; role: 'admin' | 'staff' }, extra: Partial<PersonLink> = {}): PersonLink =>
  personLinkSchema.parse({
    ...p,
    setPasswordUrl: `http://occupancy.lan/set-password#token=tok-${p.id}`,
    expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    signInRequired: false,
    ...extra,
  });

function renderSection(me: Me = ADMIN_ME) {
  return renderWithApp(<PeopleSection me={me} />);
}

beforeEach(() => {
  // jsdom has no modal dialogs: the content shows all the same (dialog.tsx).
  HTMLDialogElement.prototype.showModal = undefined as unknown as HTMLDialogElement['showModal'];
});

describe('the list of people', () => {
  it('shows each person’s name, email and role, and marks you: your role and removal are left to another admin', async () => {
    fakeApi({ 'GET /api/admin/people': () => json([ADA, SAM]) });
    renderSection();
    const list = await screen.findByRole('list');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Ada Adminyou');
    expect(rows[0]).toHaveTextContent('ada@example.org');
    expect(within(rows[0] as HTMLElement).getByRole('combobox', { name: 'Role of Ada Admin' })).toBeDisabled();
    expect(within(rows[0] as HTMLElement).getByRole('combobox', { name: 'Role of Ada Admin' })).toHaveAccessibleDescription(
      'Another administrator can change your role or remove you.',
    );
    expect(within(rows[0] as HTMLElement).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(rows[1] as HTMLElement).getByRole('combobox', { name: 'Role of Sam Staff' })).toHaveValue('staff');
    expect(within(rows[1] as HTMLElement).getByRole('button', { name: 'Remove Sam Staff' })).toBeEnabled();
    expect(within(rows[1] as HTMLElement).getByRole('button', { name: 'New link for Sam Staff' })).toBeEnabled();
  });

  it('says so when the list cannot be loaded, and tries again on request', async () => {
    const api = fakeApi({ 'GET /api/admin/people': () => Promise.reject(new TypeError('Failed to fetch')) });
    renderSection();
    expect(await screen.findByText(/^The list of people could not be loaded\. The server could not be reached/)).toBeInTheDocument();
    api.set('GET /api/admin/people', () => json([ADA]));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('combobox', { name: 'Role of Ada Admin' })).toBeInTheDocument();
  });
});

describe('adding a person', () => {
  it('sends name, email and role, then shows the link large with its expiry and a Copy button', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    let people = [ADA];
    const anna = { id: 'u-anna', name: 'Anna Nagy', email: 'anna@example.org', role: 'staff' as const };
    const api = fakeApi({
      'GET /api/admin/people': () => json(people),
      'POST /api/admin/people': () => {
        people = [ADA, person(anna)];
        return json(linkFor(anna), 201);
      },
    });
    renderSection();
    await screen.findByRole('combobox', { name: 'Role of Ada Admin' });
    const form = screen.getByRole('form', { name: 'Add a person' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), ' Anna Nagy ');
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'anna@example.org');
    expect(within(form).getByRole('radio', { name: /Staff/ })).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Add person' }));

    const heading = await screen.findByRole('heading', { name: 'Anna Nagy is added: hand over their link' });
    expect(heading).toHaveFocus();
    expect(api.requests.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Anna Nagy', email: 'anna@example.org', role: 'staff' });
    const panel = heading.closest('section') as HTMLElement;
    expect(within(panel).getByLabelText('Set-password link')).toHaveTextContent('http://occupancy.lan/set-password#token=tok-u-anna');
    const expiry = linkExpiryWords(linkFor(anna).expiresAt, Date.now());
    expect(expiry).toMatch(/ tomorrow$/);
    expect(panel).toHaveTextContent(`It works once, until ${expiry}.`);

    await user.click(within(panel).getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('http://occupancy.lan/set-password#token=tok-u-anna');
    expect(within(panel).getByRole('status')).toHaveTextContent('Copied. Paste it into a private message to Anna Nagy.');
    // The list shows the new person; the form is empty for the next one.
    expect(await screen.findByRole('combobox', { name: 'Role of Anna Nagy' })).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('');

    await user.click(within(panel).getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Set-password link')).toBeNull();
  });

  it('checks the fields before asking, and puts the server’s refusal under the field it names', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /api/admin/people': () => json([ADA]),
      'POST /api/admin/people': () => json({ error: { code: 'conflict', message: 'Someone with this email already has an account.', field: 'email' } }, 409),
    });
    renderSection();
    const form = await screen.findByRole('form', { name: 'Add a person' });
    await user.click(within(form).getByRole('button', { name: 'Add person' }));
    const name = within(form).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAccessibleDescription('Type the person’s name.');
    expect(name).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(/^Type their email address/);
    await user.type(name, 'Ada Again');
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'ada@example');
    await user.click(within(form).getByRole('button', { name: 'Add person' }));
    expect(within(form).getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(/^This is not an email address\./);
    expect(api.requests.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(form).getByRole('textbox', { name: 'Email' }), '.org');
    await user.click(within(form).getByRole('button', { name: 'Add person' }));
    const email = within(form).getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveAccessibleDescription(/^Someone with this email already has an account\./));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();
    // Nothing was added: no link.
    expect(screen.queryByLabelText('Set-password link')).toBeNull();
  });
});

describe('changing a role, a new link, removing', () => {
  it('changes a role and says what it did; a refusal is said under the person', async () => {
    const user = userEvent.setup();
    let people = [ADA, person({ ...SAM, id: 'u-bo', name: 'Bo Admin', email: 'bo@example.org', role: 'admin' })];
    const api = fakeApi({
      'GET /api/admin/people': () => json(people),
      'PATCH /api/admin/people/u-bo': ({ body }) => {
        const role = (body as { role: 'admin' | 'staff' }).role;
        people = people.map((p) => (p.id === 'u-bo' ? { ...p, role } : p));
        return json(people[1]);
      },
    });
    renderSection();
    const select = await screen.findByRole('combobox', { name: 'Role of Bo Admin' });
    await user.selectOptions(select, 'staff');
    expect(await screen.findByText('Bo Admin is now Staff, and was signed out to sign in again as Staff.')).toBeInTheDocument();
    expect(api.requests.find((c) => c.method === 'PATCH')?.body).toEqual({ role: 'staff' });
    await waitFor(() => expect(select).toHaveValue('staff'));

    api.set('PATCH /api/admin/people/u-bo', () =>
      json({ error: { code: 'conflict', message: 'Bo Admin is the only administrator: make someone else an administrator first.', field: 'role' } }, 409),
    );
    await user.selectOptions(select, 'admin');
    await waitFor(() => expect(select).toHaveAccessibleDescription(/only administrator/));
    expect(select).toHaveValue('staff');
  });

  it('makes a new link for someone already there', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /api/admin/people': () => json([ADA, SAM]),
      'POST /api/admin/people/u-sam/link': () => json(linkFor({ ...SAM })),
    });
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'New link for Sam Staff' }));
    const heading = await screen.findByRole('heading', { name: 'A new link for Sam Staff' });
    expect(heading.closest('section')).toHaveTextContent('the old one stops working');
    expect(screen.getByLabelText('Set-password link')).toHaveTextContent('#token=tok-u-sam');
  });

  it('removes a person only after a confirmation that names them', async () => {
    const user = userEvent.setup();
    let people = [ADA, SAM];
    const api = fakeApi({
      'GET /api/admin/people': () => json(people),
      'DELETE /api/admin/people/u-sam': () => {
        people = [ADA];
        return new Response(null, { status: 204 });
      },
    });
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'Remove Sam Staff' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Sam Staff?' });
    expect(dialog).toHaveTextContent('sam@example.org can no longer sign in');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.requests.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Remove Sam Staff' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove Sam Staff' }));
    expect(await screen.findByText('Sam Staff was removed and signed out everywhere.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Role of Sam Staff' })).toBeNull();
  });
});

describe('the open demo', () => {
  it('adds the first person as an administrator and then says that everyone signs in, with the link to set the password', async () => {
    const user = userEvent.setup();
    const bea = { id: 'u-bea', name: 'Bea Boss', email: 'bea@example.org', role: 'admin' as const };
    const api = fakeApi({
      'GET /api/admin/people': () => json([]),
      'POST /api/admin/people': () => json(linkFor(bea, { signInRequired: true }), 201),
    });
    renderSection(OPEN_ME);
    expect(await screen.findByText('Nobody has an account yet. Add the first person below.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Add a person' });
    expect(within(form).getByRole('radio', { name: /Administrator/ })).toBeChecked();
    expect(within(form).getByRole('radio', { name: /Staff/ })).toBeDisabled();
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Bea Boss');
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'bea@example.org');
    await user.click(within(form).getByRole('button', { name: 'Add person' }));

    expect(await screen.findByRole('heading', { name: 'Sign-in is now required' })).toHaveFocus();
    expect(api.requests.find((c) => c.method === 'POST')?.body).toMatchObject({ role: 'admin' });
    expect(screen.getByRole('link', { name: 'Set my password now' })).toHaveAttribute('href', 'http://occupancy.lan/set-password#token=tok-u-bea');
    // This browser is signed out now: the list is not asked for again (it would only be refused).
    expect(api.requests.filter((c) => c.method === 'GET')).toHaveLength(1);
    expect(screen.queryByRole('form', { name: 'Add a person' })).toBeNull();
  });
});
