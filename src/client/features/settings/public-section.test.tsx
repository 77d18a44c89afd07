import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '@/client/test/fake-api';
import { json, LEISURE_SPACES, makeConfig } from '@/client/test/fixtures';
import { type SpaceNode, spaceNodeSchema } from '@/shared/api-schema';
import { DEFAULT_PUBLIC, type PublicSettings } from '@/shared/settings-schema';
import { orderSpaces, spacesSchema } from '@/shared/spaces';
import { embedSnippet, PublicSection, PublicSettingsForm, parseOrigins, spaceChoices } from './public-section';

const TREE: SpaceNode[] = orderSpaces(spacesSchema.parse(LEISURE_SPACES)).map((s) => spaceNodeSchema.parse(s));
const CONFIG = makeConfig({ spaces: TREE });
const PAGE = 'https://occupancy.example.org/public';

function renderForm(initial: Partial<PublicSettings> = {}, locked: 'env' | 'file' | null = null) {
  const onSave = vi.fn((_value: PublicSettings) => Promise.resolve());
  render(<PublicSettingsForm initial={{ ...DEFAULT_PUBLIC, ...initial }} locked={locked} spaces={spaceChoices(CONFIG)} pageUrl={PAGE} onSave={onSave} />);
  return { onSave, user: userEvent.setup() };
}

describe('Settings ▸ Public view', () => {
  it('off by default; turned on with two spaces, numbers and an origin, it saves exactly that', async () => {
    const { onSave, user } = renderForm();
    expect(screen.getByRole('checkbox', { name: 'Show the public view' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Show the public view' }));
    const spaces = screen.getByRole('group', { name: 'Spaces to show' });
    // Chosen out of order; saved in the tree's.
    await user.click(within(spaces).getByRole('checkbox', { name: 'Gym' }));
    await user.click(within(spaces).getByRole('checkbox', { name: 'Riverside Leisure Centre' }));
    await user.click(screen.getByRole('checkbox', { name: /Show the numbers too/ }));
    await user.type(screen.getByRole('textbox', { name: 'Sites that may embed it' }), 'https://www.example.org/{Enter}http://localhost:8080');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({
      enabled: true,
      spaces: ['site', 'gym'],
      showNumbers: true,
      allowOrigins: ['https://www.example.org', 'http://localhost:8080'],
    });
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('refuses an origin that is not https (or localhost), or has a path, naming the line; nothing is saved', async () => {
    const { onSave, user } = renderForm({ enabled: true, spaces: ['site'] });
    const origins = screen.getByRole('textbox', { name: 'Sites that may embed it' });
    await user.type(origins, 'https://ok.example{Enter}http://example.org{Enter}https://example.org/page');
    expect(origins).toHaveAttribute('aria-invalid', 'true');
    expect(origins).toHaveAccessibleDescription(
      /Line 2 \(http:\/\/example\.org\) is not an origin such as https:\/\/www\.example\.org \(https, no path\)\..*Line 3 \(https:\/\/example\.org\/page\)/,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('on with no space chosen says so instead of saving', async () => {
    const { onSave, user } = renderForm();
    await user.click(screen.getByRole('checkbox', { name: 'Show the public view' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Choose at least one space to show.')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says the server’s words when the save is refused', async () => {
    const onSave = vi.fn(() => Promise.reject(new Error('You need to be an admin to do this.')));
    render(
      <PublicSettingsForm
        initial={{ ...DEFAULT_PUBLIC, enabled: true, spaces: ['site'] }}
        locked={null}
        spaces={spaceChoices(CONFIG)}
        pageUrl={PAGE}
        onSave={onSave}
      />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: You need to be an admin to do this.');
  });

  it('gives a copy-paste snippet for the chosen spaces, copies it, and links to the page', async () => {
    const { user } = renderForm({ enabled: true, spaces: ['site', 'gym', 'cafe'] });
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const snippet = screen.getByRole('textbox', { name: 'Embed on your site' });
    expect(snippet).toHaveValue(embedSnippet(PAGE, 3));
    expect((snippet as HTMLTextAreaElement).value).toMatch(/^<iframe src="https:\/\/occupancy\.example\.org\/public" title="How busy is it now" /);
    await user.click(screen.getByRole('button', { name: 'Copy the snippet' }));
    expect(writeText).toHaveBeenCalledWith(embedSnippet(PAGE, 3));
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the public view' })).toHaveAttribute('href', PAGE);
  });

  it('provisioned by the file: shown, not editable, and says where to change it', () => {
    renderForm({ enabled: true, spaces: ['site'], allowOrigins: ['https://example.org'] }, 'file');
    expect(screen.getByText(/come from the provisioning file \(SITE_CONFIG_FILE\)/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Show the public view' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Sites that may embed it' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('lists the spaces as a tree and says which have no level to show', () => {
    const withoutCapacity = makeConfig({ spaces: TREE.map((s) => (s.id === 'cafe' ? { ...s, capacity: null } : s)) });
    expect(spaceChoices(withoutCapacity).map((s) => [s.id, s.depth, s.hasCapacity])).toEqual([
      ['site', 0, true],
      ...TREE.slice(1).map((s) => [s.id, s.id === 'sauna' ? 2 : 1, s.id !== 'cafe']),
    ]);
    // Without configured spaces there is the whole site to show.
    expect(spaceChoices(makeConfig({ spaces: null }))).toEqual([{ id: 'site', name: 'Riverside Library', depth: 0, hasCapacity: true }]);
  });

  it('reads origins one per line, dropping blanks and repeats', () => {
    expect(parseOrigins('https://a.example\n\n  https://a.example/ \nhttp://127.0.0.1:5173')).toEqual({
      origins: ['https://a.example', 'http://127.0.0.1:5173'],
      problems: [],
    });
    expect(parseOrigins('ftp://a.example').problems).toHaveLength(1);
  });

  it('loads the spaces and the settings from the server, saves through PUT /api/admin/settings/public and reads them again', async () => {
    const settings = { values: { siteName: null, shownName: 'x', public: { ...DEFAULT_PUBLIC, enabled: true, spaces: ['pool'] } }, locked: {} };
    const api = fakeApi({
      'GET /api/config': () => json(CONFIG),
      'GET /api/admin/settings': () => json(settings),
      'PUT /api/admin/settings/public': () => json(settings),
    });
    renderWithApp(<PublicSection />);
    expect(await screen.findByRole('heading', { name: 'What the public sees' })).toBeInTheDocument();
    expect(await screen.findByRole('checkbox', { name: 'Pool hall' })).toBeChecked();
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Sauna' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(api.to('PUT /api/admin/settings/public').map((r) => r.body)).toEqual([
      { enabled: true, spaces: ['pool', 'sauna'], showNumbers: false, allowOrigins: [] },
    ]);
    await waitFor(() => expect(api.to('GET /api/admin/settings')).toHaveLength(2));
  });

  it('says why when the settings cannot be loaded', async () => {
    fakeApi({
      'GET /api/config': () => json(CONFIG),
      'GET /api/admin/settings': () => json({ error: { code: 'forbidden', message: 'You are not allowed to do this. Ask an administrator.' } }, 403),
    });
    renderWithApp(<PublicSection />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The settings could not be loaded: You are not allowed to do this. Ask an administrator.');
  });
});
