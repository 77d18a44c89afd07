// Doors as traffic: what each door counted today (IN, OUT and their balance), never people
// inside, and door health in words: a door counting one way only, a space whose doors do not
// balance, each with how we judge it.
import { useId } from 'react';
import { ChevronRightIcon, InfoIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { formatCount, formatSigned } from '@/client/lib/format';
import { driftWords, healthRuleWords, oneWayWords } from './door-health-words';
import type { DoorView, SpaceNodeView, SpaceView } from './space-view';

export interface HealthFinding {
  key: string;
  /** What the finding is about: a door's or a space's name. */
  subject: string;
  text: string;
}

/**
 * Every sign of a counter missing people: doors counting one way only, then spaces (the site
 * first) whose boundary counted more people leaving than entering. `spaces` only with configured
 * spaces: in the default tree a door's space is the door itself, whose card says so already.
 */
export function healthFindings(doors: readonly DoorView[], root: SpaceView | undefined, spaces: readonly SpaceNodeView[], since: string): HealthFinding[] {
  const findings: HealthFinding[] = doors.flatMap((d) => (d.health ? [{ key: `door-${d.id}`, subject: d.label, text: oneWayWords(d.health, since) }] : []));
  if (root?.drift != null) findings.push({ key: `space-${root.id}`, subject: root.label, text: driftWords(root.label, root.drift, { root: true }) });
  const visit = (nodes: readonly SpaceNodeView[]) => {
    for (const n of nodes) {
      if (n.drift !== null) findings.push({ key: `space-${n.id}`, subject: n.label, text: driftWords(n.label, n.drift) });
      visit(n.children);
    }
  };
  visit(spaces);
  return findings;
}

interface DoorTrafficProps {
  doors: readonly DoorView[];
  findings: readonly HealthFinding[];
  since: string;
  stale: boolean;
}

/** With configured spaces: every door's traffic today, and door health. */
export function DoorTraffic({ doors, findings, since, stale }: DoorTrafficProps) {
  const headingId = useId();
  const tone = stale ? 'text-muted' : 'text-ink';
  return (
    <section aria-labelledby={headingId} data-stale={stale || undefined} className="mt-8 sm:mt-10">
      <h2 id={headingId} className="text-lg font-semibold text-ink">
        {t('dashboard.doors.heading')} <span className="font-normal text-muted tabular-nums">({formatCount(doors.length)})</span>
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-muted">{t('dashboard.doors.explain', { since })}</p>
      <div className="mt-3 grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {/* Health first: on a phone it must not hide below a long table; beside it on a wide screen. */}
        <div className="lg:col-start-2 lg:row-start-1">
          <DoorHealth findings={findings} since={since} />
        </div>
        <div className="overflow-hidden rounded-2xl lg:col-start-1 lg:row-start-1 border border-line bg-surface">
          <table className="w-full text-sm sm:text-base">
            <caption className="sr-only">{t('dashboard.doors.caption', { since })}</caption>
            <thead className="bg-sunken/60 text-left text-xs text-muted sm:text-sm">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium sm:px-4">
                  {t('dashboard.doors.door')}
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  {t('dashboard.doors.in')}
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  {t('dashboard.doors.out')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium sm:px-4">
                  {t('dashboard.doors.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {doors.map((door) => (
                <tr key={door.id} className="border-t border-line align-top">
                  <th scope="row" className="px-3 py-2.5 text-left font-normal sm:px-4">
                    <span className="block font-semibold break-words text-ink">{door.label}</span>
                    <span className="block text-xs text-muted sm:text-sm">
                      {door.spaces.length > 0 ? t('dashboard.doors.doorOf', { spaces: door.spaces.join(', ') }) : t('dashboard.doors.noSpace')}
                    </span>
                    {door.health ? (
                      <span className="mt-1 inline-flex items-center gap-1 rounded-full bg-notice-soft px-2 py-0.5 text-xs font-medium text-notice-ink">
                        <InfoIcon className="size-3.5 shrink-0" />
                        {t('dashboard.doors.oneWay')}
                      </span>
                    ) : null}
                  </th>
                  <td className={`px-2 py-2.5 text-right font-medium tabular-nums ${tone}`}>{formatCount(door.in)}</td>
                  <td className={`px-2 py-2.5 text-right font-medium tabular-nums ${tone}`}>{formatCount(door.out)}</td>
                  <td className={`px-3 py-2.5 text-right font-medium tabular-nums sm:px-4 ${tone}`}>{formatSigned(door.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** Door health on its own (without configured spaces, only when something is found). */
export function DoorHealthSection({ findings, since }: { findings: readonly HealthFinding[]; since: string }) {
  if (findings.length === 0) return null;
  return (
    <div className="mt-8 sm:mt-10 lg:max-w-3xl">
      <DoorHealth findings={findings} since={since} level={2} />
    </div>
  );
}

function DoorHealth({ findings, since, level = 3 }: { findings: readonly HealthFinding[]; since: string; level?: 2 | 3 }) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-line bg-surface p-4 sm:p-5">
      <Heading id={headingId} className="text-base font-semibold text-ink sm:text-lg">
        {t('dashboard.health.heading')}
      </Heading>
      {findings.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-3">
          {findings.map((f) => (
            <li key={f.key} className="flex gap-3">
              <span aria-hidden="true" className="mt-0.5 grid size-7 shrink-0 place-items-center rounded-full bg-notice-soft text-notice-ink">
                <InfoIcon className="size-4" />
              </span>
              <p className="min-w-0 text-sm text-ink sm:text-base">
                {tx('dashboard.health.finding', { subject: f.subject, text: f.text, b: (chunks) => <strong className="font-semibold">{chunks}</strong> })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-ink sm:text-base">{t('dashboard.health.allGood')}</p>
      )}
      <details className="group mt-3 text-sm">
        <summary className="-mx-2 flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-lg px-2 font-medium text-accent-ink hover:bg-accent-soft [&::-webkit-details-marker]:hidden">
          <ChevronRightIcon className="size-4 shrink-0 group-open:rotate-90 motion-safe:transition-transform" />
          {t('dashboard.health.how')}
        </summary>
        <ul className="mt-1 flex list-disc flex-col gap-1.5 pl-5 text-muted">
          {healthRuleWords(since).map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
