// Settings ▸ Public view: turn /public on or off, choose its spaces, whether numbers show and
// which sites may embed it; then copy the embed snippet or open the page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button, buttonClass } from '@/client/components/ui/button';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { Panel } from '@/client/components/ui/panel';
import { t } from '@/client/i18n/i18n';
import { configQueryOptions } from '@/client/lib/config-queries';
import type { Config } from '@/shared/api-schema';
import { embedOriginSchema, type PublicSettings } from '@/shared/settings-schema';
import { ADMIN_SETTINGS_KEY, publicSettingsQueryOptions, savePublicSettings } from './public-settings-api';
import { problemText } from './settings-problems';

export interface SpaceChoice {
  id: string;
  name: string;
  depth: number;
  hasCapacity: boolean;
}

/** The spaces an admin may show: the configured tree, or without one the whole site. */
export function spaceChoices(config: Config): SpaceChoice[] {
  if (config.spaces === null) return [{ id: 'site', name: config.siteName, depth: 0, hasCapacity: config.siteCapacity !== null }];
  const parents = new Map(config.spaces.map((s) => [s.id, s.parent]));
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let p = parents.get(id); p !== null && p !== undefined && depth < 20; p = parents.get(p)) depth++;
    return depth;
  };
  return config.spaces.map((s) => ({ id: s.id, name: s.name, depth: depthOf(s.id), hasCapacity: s.capacity !== null }));
}

/** The allowed origins typed one per line: each as a browser sends it, or the lines that are not. */
export function parseOrigins(text: string): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    // The server's own rule, so what passes here is what it accepts.
    const checked = embedOriginSchema.safeParse(line);
    // One rule (the shared schema's): https (or http on localhost), a host, no path.
    if (!checked.success) problems.push(t('settings.public.originProblem', { n: i + 1, line: line.trim() }));
    else if (!origins.includes(checked.data)) origins.push(checked.data);
  });
  return { origins, problems };
}

/** The copy-paste snippet for another site: a frame tall enough for the chosen spaces. */
export function embedSnippet(pageUrl: string, spaceCount: number): string {
  const height = 90 + 110 * Math.max(1, spaceCount);
  // The frame's title is what a screen reader on the embedding site says: in the active language.
  const title = t('settings.public.frameTitle').replace(/"/g, '&quot;');
  return `<iframe src="${pageUrl}" title="${title}" width="320" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

interface FormProps {
  initial: PublicSettings;
  locked: 'env' | 'file' | null;
  spaces: SpaceChoice[];
  /** The public page's address on this server, e.g. https://occupancy.example.org/public. */
  pageUrl: string;
  onSave: (value: PublicSettings) => Promise<void>;
}

export function PublicSettingsForm({ initial, locked, spaces, pageUrl, onSave }: FormProps) {
  const id = useId();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [chosen, setChosen] = useState<string[]>(initial.spaces);
  const [showNumbers, setShowNumbers] = useState(initial.showNumbers);
  const [originsText, setOriginsText] = useState(initial.allowOrigins.join('\n'));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const [copied, setCopied] = useState<null | 'copied' | 'select'>(null);
  const [submitted, setSubmitted] = useState(false);

  const { origins, problems } = parseOrigins(originsText);
  const known = new Set(spaces.map((s) => s.id));
  // A chosen space that no longer exists is dropped on save (the server skips it anyway).
  const chosenKnown = chosen.filter((s) => known.has(s));
  const spacesProblem = enabled && chosenKnown.length === 0 ? t('settings.public.chooseSpace') : undefined;
  const originsProblem = problems.length > 0 ? problems.join(' ') : undefined;
  const disabled = locked !== null;
  const snippet = embedSnippet(pageUrl, chosenKnown.length);

  /** Any edit makes an earlier "Saved." untrue. */
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setStatus({ kind: 'idle' });
    };
  const toggle = edit((spaceId: string) => setChosen((list) => (list.includes(spaceId) ? list.filter((s) => s !== spaceId) : [...list, spaceId])));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (spacesProblem !== undefined || originsProblem !== undefined) return;
    setStatus({ kind: 'saving' });
    try {
      await onSave({ enabled, spaces: spaces.map((s) => s.id).filter((s) => chosen.includes(s)), showNumbers, allowOrigins: origins });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', message: problemText(error) });
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('copied');
    } catch {
      setCopied('select');
    }
  }

  const ids = {
    spaces: `${id}-spaces`,
    spacesError: `${id}-spaces-error`,
    origins: `${id}-origins`,
    originsHint: `${id}-origins-hint`,
    originsError: `${id}-origins-error`,
    snippet: `${id}-snippet`,
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-6">
      {locked !== null ? (
        <p className="rounded-lg bg-notice-soft p-3 text-sm text-notice-ink">
          {locked === 'file' ? t('settings.public.lockedFile') : t('settings.public.lockedEnv')}
        </p>
      ) : null}
      <fieldset disabled={disabled} className="space-y-6">
        <label className="flex min-h-11 items-center gap-3 text-base font-semibold text-ink">
          <input type="checkbox" className="size-5 shrink-0" checked={enabled} onChange={(e) => edit(setEnabled)(e.target.checked)} />
          {t('settings.public.enable')}
        </label>
        <p className="-mt-4 text-sm text-muted">{t('settings.public.enableHint')}</p>

        <fieldset aria-describedby={submitted && spacesProblem ? ids.spacesError : undefined}>
          <legend className="text-sm font-semibold text-ink">{t('settings.public.spaces')}</legend>
          <ul className="mt-2 space-y-1">
            {spaces.map((space) => (
              <li key={space.id} style={{ paddingInlineStart: `${space.depth * 1.25}rem` }}>
                <label className="flex min-h-11 items-center gap-3 text-base text-ink">
                  <input type="checkbox" className="size-5 shrink-0" checked={chosen.includes(space.id)} onChange={() => toggle(space.id)} />
                  <span>
                    {space.name}
                    {space.hasCapacity ? null : <span className="text-sm text-muted"> {t('settings.public.noCapacity')}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id={ids.spacesError} message={submitted ? spacesProblem : undefined} />
        </fieldset>

        <label className="flex min-h-11 items-center gap-3 text-base text-ink">
          <input type="checkbox" className="size-5 shrink-0" checked={showNumbers} onChange={(e) => edit(setShowNumbers)(e.target.checked)} />
          {t('settings.public.numbers')}
        </label>

        <div>
          <label htmlFor={ids.origins} className="block text-sm font-semibold text-ink">
            {t('settings.public.origins')}
          </label>
          <textarea
            id={ids.origins}
            value={originsText}
            onChange={(e) => edit(setOriginsText)(e.target.value)}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            placeholder="https://www.example.org"
            aria-invalid={originsProblem ? true : undefined}
            aria-describedby={[originsProblem ? ids.originsError : '', ids.originsHint].join(' ').trim()}
            className={`mt-2 block w-full rounded-lg border bg-surface px-3 py-2 font-mono text-sm text-ink ${originsProblem ? 'border-full-arc' : 'border-line'}`}
          />
          <FieldError id={ids.originsError} message={originsProblem} />
          <p id={ids.originsHint} className="mt-1.5 text-sm text-muted">
            {t('settings.public.originsHint')}
          </p>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" tone="primary" className="px-4" disabled={disabled || status.kind === 'saving'}>
          {status.kind === 'saving' ? t('settings.save.saving') : t('settings.save.save')}
        </Button>
        <p role="status" className="text-sm text-muted">
          {status.kind === 'saved' ? t('settings.public.saved') : ''}
        </p>
      </div>
      {status.kind === 'failed' ? (
        <p role="alert" className="text-sm text-full-ink">
          {t('settings.notSaved', { reason: status.message })}
        </p>
      ) : null}

      <div>
        <label htmlFor={ids.snippet} className="block text-sm font-semibold text-ink">
          {t('settings.public.embed')}
        </label>
        <textarea
          id={ids.snippet}
          readOnly
          value={snippet}
          rows={4}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-2 block w-full rounded-lg border border-line bg-sunken px-3 py-2 font-mono text-sm break-all text-ink"
        />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <Button tone="accent" className="px-3 text-sm" onClick={() => void copy()}>
            {t('settings.public.copySnippet')}
          </Button>
          <a href={pageUrl} target="_blank" rel="noopener" className={buttonClass('quiet', 'px-3 text-sm')}>
            {t('settings.public.open')}
          </a>
          <p role="status" className="text-sm text-muted">
            {copied === 'copied' ? t('settings.displays.copied') : copied === 'select' ? t('settings.public.selectIt') : ''}
          </p>
        </div>
        {!initial.enabled ? <p className="mt-1.5 text-sm text-muted">{t('settings.public.onlyOnceOn')}</p> : null}
      </div>
    </form>
  );
}

/** Settings ▸ Public view: loads the site's spaces and the current settings. */
export function PublicSection() {
  const queryClient = useQueryClient();
  const config = useQuery(configQueryOptions());
  const settings = useQuery(publicSettingsQueryOptions());
  const save = useMutation({
    mutationFn: savePublicSettings,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_SETTINGS_KEY }),
  });
  const headingId = useId();
  const problem = config.error ?? settings.error;
  return (
    <Panel headingId={headingId} heading={t('settings.public.title')} subtitle={t('settings.public.intro')} level={3}>
      <div className="mt-4">
        {config.data && settings.data ? (
          <PublicSettingsForm
            initial={settings.data.value}
            locked={settings.data.locked}
            spaces={spaceChoices(config.data)}
            pageUrl={`${window.location.origin}/public`}
            onSave={(value) => save.mutateAsync(value)}
          />
        ) : problem ? (
          <p role="alert" className="text-sm text-full-ink">
            {t('settings.public.loadFailed', { reason: problemText(problem) })}
          </p>
        ) : (
          <p className="text-sm text-muted">{t('settings.page.loading')}</p>
        )}
      </div>
    </Panel>
  );
}
