// Settings ▸ Displays: make a display link for a wall screen (name, spaces, mode, theme, language),
// hand it over by copying it or scanning its QR code (shown once: only its hash is kept), see when
// each screen last asked for numbers, and revoke a link (its screen says so within one poll).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button, buttonClass } from '@/client/components/ui/button';
import { Dialog } from '@/client/components/ui/dialog';
import { AlertTriangleIcon } from '@/client/components/ui/icons';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { ApiRequestError } from '@/client/lib/api-client';
import { formatDuration } from '@/client/lib/format';
import { useNow } from '@/client/lib/use-now';
import type { CreatedDisplay, DisplayInfo, DisplayMode, DisplayTheme } from '@/shared/display-schema';
import { LANGUAGE_NAMES } from '@/shared/i18n/languages';
import type { MessageKey } from '@/shared/i18n/message-key';
import type { Locale } from '@/shared/settings-schema';
import { problemText } from './settings-problems';
import { createDisplay, displaysQueryOptions, revokeDisplay, type SpaceChoice, spaceChoicesQueryOptions } from './displays-api';

/** A screen that has not asked for this long is offline (kiosks ask every few seconds). */
export const OFFLINE_AFTER_SECONDS = 5 * 60;

const MODES: Record<DisplayMode, MessageKey> = { devices: 'settings.displays.mode.devices', total: 'settings.displays.mode.total' };
const THEMES: Record<DisplayTheme, MessageKey> = { dark: 'settings.displays.theme.dark', light: 'settings.displays.theme.light' };
/** Each language in its own name, as every chooser lists them. */
const LANGUAGES: Record<Locale, string> = LANGUAGE_NAMES;

/** "Last seen 2 min ago", "Offline for 12 min" or "Never opened", and whether it is online. */
export function displayStatus(lastSeen: string | null, nowMs: number): { state: 'online' | 'offline' | 'never'; text: string } {
  if (lastSeen === null) return { state: 'never', text: t('settings.displays.never') };
  const seconds = Math.max(0, (nowMs - Date.parse(lastSeen)) / 1000);
  if (seconds < OFFLINE_AFTER_SECONDS)
    return { state: 'online', text: seconds < 1 ? t('settings.displays.seenNow') : t('settings.displays.seenAgo', { duration: formatDuration(seconds) }) };
  return { state: 'offline', text: t('settings.displays.offlineFor', { duration: formatDuration(seconds) }) };
}

const STATUS_LOOK = {
  online: { dot: 'bg-accent', text: 'text-ink' },
  // A screen that stopped asking is what an admin looks for: it stands out.
  offline: { dot: 'bg-notice', text: 'font-semibold text-notice-ink' },
  never: { dot: 'bg-line', text: 'text-muted' },
} as const;

export function DisplaysSection() {
  const [created, setCreated] = useState<(CreatedDisplay & { name: string }) | null>(null);
  return (
    <div className="space-y-6">
      {created === null ? <NewDisplayForm onCreated={setCreated} /> : <CreatedLink created={created} onDone={() => setCreated(null)} />}
      <DisplayList />
    </div>
  );
}

function NewDisplayForm({ onCreated }: { onCreated: (created: CreatedDisplay & { name: string }) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const spaces = useQuery(spaceChoicesQueryOptions());
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [mode, setMode] = useState<DisplayMode>('devices');
  const [theme, setTheme] = useState<DisplayTheme>('dark');
  const [lang, setLang] = useState<Locale | ''>('');
  const [chime, setChime] = useState(false);
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const make = useMutation({
    mutationFn: createDisplay,
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: displaysQueryOptions().queryKey });
      onCreated({ ...answer, name: name.trim() });
    },
    onError: (error) => setProblem({ field: error instanceof ApiRequestError ? (error.field?.split('.')[0] ?? '') : '', message: problemText(error) }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setProblem({ field: 'name', message: t('settings.displays.problem.name') });
    if (mode === 'total' && chosen.length > 1) return setProblem({ field: 'spaces', message: t('settings.displays.problem.oneSpace') });
    setProblem(null);
    make.mutate({ name: name.trim(), spaces: chosen.length === 0 ? null : chosen, mode, theme, lang: lang === '' ? null : lang, chime });
  };
  const errorOf = (field: string) => (problem !== null && problem.field === field ? problem.message : undefined);

  return (
    <Panel level={3} headingId={`${id}-title`} heading={t('settings.displays.make.title')} subtitle={t('settings.displays.make.intro')}>
      <form noValidate onSubmit={submit} className="mt-5 space-y-6">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-semibold text-ink">
            {t('settings.displays.name')}
          </label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errorOf('name') ? true : undefined}
            aria-describedby={errorOf('name') ? `${id}-name-error` : undefined}
            placeholder={t('settings.displays.namePlaceholder')}
            className="mt-2 min-h-11 w-full max-w-md rounded-lg border border-line bg-surface px-3 text-ink"
          />
          <FieldProblem id={`${id}-name-error`} message={errorOf('name')} />
        </div>

        <fieldset className="min-w-0" aria-describedby={`${id}-spaces-hint${errorOf('spaces') ? ` ${id}-spaces-error` : ''}`}>
          <legend className="text-sm font-semibold text-ink">{t('settings.displays.spaces')}</legend>
          <p id={`${id}-spaces-hint`} className="text-sm text-muted">
            {t('settings.displays.spacesHint')}
          </p>
          {spaces.data === undefined ? (
            spaces.isError ? (
              <p className="mt-2 text-sm text-muted">{t('settings.displays.spacesFailed')}</p>
            ) : (
              <Skeleton className="mt-2 h-24 max-w-md" />
            )
          ) : (
            // Columns fill top to bottom, so each child stays under its parent as in the tree.
            <ul className="mt-2 gap-x-4 sm:columns-2">
              {spaces.data.map((space) => (
                <SpaceBox
                  key={space.id}
                  space={space}
                  checked={chosen.includes(space.id)}
                  onChange={(on) => setChosen((now) => (on ? [...now, space.id] : now.filter((s) => s !== space.id)))}
                />
              ))}
            </ul>
          )}
          <FieldProblem id={`${id}-spaces-error`} message={errorOf('spaces')} />
        </fieldset>

        <div className="grid gap-6 sm:grid-cols-2">
          <Choice legend={t('settings.displays.shows')} name={`${id}-mode`} options={MODES} value={mode} onChange={setMode} />
          <Choice legend={t('settings.displays.theme')} name={`${id}-theme`} options={THEMES} value={theme} onChange={setTheme} />
        </div>

        <div>
          <label htmlFor={`${id}-lang`} className="block text-sm font-semibold text-ink">
            {t('settings.displays.language')}
          </label>
          <select
            id={`${id}-lang`}
            value={lang}
            onChange={(e) => setLang(e.target.value as Locale | '')}
            aria-describedby={`${id}-lang-hint`}
            className="mt-2 min-h-11 w-full max-w-xs rounded-lg border border-line bg-surface px-3 text-ink"
          >
            <option value="">{t('settings.displays.siteLanguage')}</option>
            {Object.entries(LANGUAGES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          <p id={`${id}-lang-hint`} className="mt-1.5 text-sm text-muted">
            {t('settings.displays.languageHint')}
          </p>
        </div>

        <div>
          <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-1 text-ink hover:bg-sunken">
            <input
              type="checkbox"
              checked={chime}
              onChange={(e) => setChime(e.target.checked)}
              aria-describedby={`${id}-chime-hint`}
              className="size-4 shrink-0 accent-accent"
            />
            <span className="font-semibold">{t('settings.displays.chime')}</span>
          </label>
          <p id={`${id}-chime-hint`} className="text-sm text-muted">
            {t('settings.displays.chimeHint')}
          </p>
        </div>

        {problem !== null && !['name', 'spaces'].includes(problem.field) ? <FieldProblem id={`${id}-form-error`} message={problem.message} /> : null}
        <Button tone="primary" type="submit" disabled={make.isPending} className="px-5">
          {make.isPending ? t('settings.displays.making') : t('settings.displays.makeLink')}
        </Button>
      </form>
    </Panel>
  );
}

function SpaceBox({ space, checked, onChange }: { space: SpaceChoice; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <li className="break-inside-avoid">
      <label
        className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-1 text-ink hover:bg-sunken"
        // Children sit under their parent, as in the tree.
        data-depth={space.depth}
      >
        <span aria-hidden="true" className={space.depth === 0 ? 'hidden' : space.depth === 1 ? 'w-3' : 'w-7'} />
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-4 shrink-0 accent-accent" />
        <span>{space.name}</span>
      </label>
    </li>
  );
}

function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: Record<T, MessageKey>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-semibold text-ink">{legend}</legend>
      <div className="mt-2 space-y-1">
        {(Object.entries(options) as [T, MessageKey][]).map(([key, label]) => (
          <label key={key} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-1 text-ink hover:bg-sunken">
            <input type="radio" name={name} checked={value === key} onChange={() => onChange(key)} className="size-4 shrink-0 accent-accent" />
            <span>{t(label)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={id} className="mt-2 flex gap-1.5 text-sm text-full-ink">
      <AlertTriangleIcon className="mt-0.5 size-4 shrink-0" />
      {message}
    </p>
  );
}

function CreatedLink({ created, onDone }: { created: CreatedDisplay & { name: string }; onDone: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(created.url).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <Panel
      level={3}
      headingId={`${id}-title`}
      heading={t('settings.displays.created.title', { name: created.name })}
      subtitle={t('settings.displays.created.intro')}
    >
      <div className="mt-5 flex flex-col gap-6 sm:flex-row sm:items-start">
        <QrCode url={created.url} name={created.name} />
        <div className="min-w-0 flex-1 space-y-3">
          <label htmlFor={`${id}-url`} className="block text-sm font-semibold text-ink">
            {t('settings.displays.link')}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id={`${id}-url`}
              type="text"
              readOnly
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-h-11 min-w-0 flex-1 basis-64 rounded-lg border border-line bg-sunken px-3 font-mono text-sm text-ink"
            />
            <Button tone="accent" onClick={copy} className="px-4">
              {t('settings.displays.copy')}
            </Button>
          </div>
          <p role="status" className="min-h-5 text-sm text-muted">
            {copied === 'yes' ? t('settings.displays.copied') : copied === 'failed' ? t('settings.displays.copyFailed') : ''}
          </p>
          <Button tone="secondary" onClick={onDone} className="px-4">
            {t('settings.displays.done')}
          </Button>
        </div>
      </div>
    </Panel>
  );
}

/** The link as a QR code, drawn by the `qrcode` package, which loads with this section only. */
function QrCode({ url, name }: { url: string; name: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))
      .then((text) => {
        if (live) setSvg(text);
      });
    return () => {
      live = false;
    };
  }, [url]);
  if (svg === null) return <Skeleton className="size-48 shrink-0" />;
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={t('settings.displays.qrAlt', { name })}
      className="size-48 shrink-0 rounded-lg border border-line bg-white"
    />
  );
}

function DisplayList() {
  const id = useId();
  const displays = useQuery(displaysQueryOptions());
  const spaces = useQuery(spaceChoicesQueryOptions());
  const nowMs = useNow();
  const [revoking, setRevoking] = useState<DisplayInfo | null>(null);
  const active = displays.data?.filter((d) => d.revokedAt === null) ?? [];
  const revokedCount = (displays.data?.length ?? 0) - active.length;
  const spaceName = (spaceId: string) => spaces.data?.find((s) => s.id === spaceId)?.name ?? spaceId;

  return (
    <Panel level={3} headingId={`${id}-title`} heading={t('settings.displays.list.title')} subtitle={t('settings.displays.list.intro')}>
      {displays.data === undefined ? (
        displays.isError ? (
          <p className="mt-4 text-sm text-full-ink">{problemText(displays.error)}</p>
        ) : (
          <Skeleton className="mt-4 h-20" />
        )
      ) : active.length === 0 ? (
        <p className="mt-4 text-sm text-muted">{t('settings.displays.none')}</p>
      ) : (
        <ul className="mt-4 divide-y divide-line">
          {active.map((d) => {
            const status = displayStatus(d.lastSeen, nowMs);
            return (
              <li key={d.id} aria-label={d.name} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
                <div className="min-w-0 flex-1 basis-56">
                  <p className="font-semibold text-ink">{d.name}</p>
                  <p className="text-sm break-words text-muted">
                    {/* Tags of one link, each a word of its own: "Every space · cards · Deutsch". */}
                    {[
                      d.spaces === null ? t('settings.displays.tag.everySpace') : d.spaces.map(spaceName).join(', '),
                      d.mode === 'total' ? t('settings.displays.tag.total') : t('settings.displays.tag.cards'),
                      ...(d.theme === 'light' ? [t('settings.displays.tag.light')] : []),
                      ...(d.lang !== null && d.lang in LANGUAGES ? [LANGUAGES[d.lang as Locale]] : []),
                      ...(d.chime ? [t('settings.displays.tag.chime')] : []),
                    ].join(' · ')}
                  </p>
                </div>
                <p className="flex items-center gap-2 text-sm">
                  <span aria-hidden="true" className={`size-2.5 rounded-full ${STATUS_LOOK[status.state].dot}`} />
                  <span className={STATUS_LOOK[status.state].text}>{status.text}</span>
                </p>
                <Button tone="secondary" onClick={() => setRevoking(d)} className="px-4" aria-label={t('settings.displays.revokeNamed', { name: d.name })}>
                  {t('settings.displays.revoke')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {revokedCount > 0 ? <p className="mt-3 text-sm text-muted">{t('settings.displays.revokedHidden', { count: revokedCount })}</p> : null}
      {revoking !== null ? <RevokeDialog display={revoking} onClose={() => setRevoking(null)} /> : null}
    </Panel>
  );
}

function RevokeDialog({ display, onClose }: { display: DisplayInfo; onClose: () => void }) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeDisplay(display.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: displaysQueryOptions().queryKey });
      onClose();
    },
  });
  return (
    <Dialog onClose={onClose} labelledBy={`${id}-title`} initialFocus={cancelRef} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl">
      <div className="space-y-3 p-5 sm:p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t('settings.displays.revokeTitle', { name: display.name })}
        </h2>
        <p className="text-sm text-muted">{t('settings.displays.revokeBody')}</p>
        {revoke.isError ? <FieldProblem id={`${id}-error`} message={problemText(revoke.error)} /> : null}
        <div className="flex flex-wrap justify-end gap-3 pt-2">
          <button ref={cancelRef} type="button" onClick={onClose} className={buttonClass('secondary', 'px-4')}>
            {t('settings.cancel')}
          </button>
          <Button tone="primary" onClick={() => revoke.mutate()} disabled={revoke.isPending} className="bg-full-ink px-4">
            {revoke.isPending ? t('settings.displays.revoking') : t('settings.displays.revokeLink')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
