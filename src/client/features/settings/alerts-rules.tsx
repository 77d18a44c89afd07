// Settings ▸ Alerts ▸ Rules: per space, "nearly full" and "full" toggles, each with its channels
// and how often it may repeat; then the other checks (a door falls silent, no live count, a
// display goes offline), each with its minutes.
import type { ReactNode } from 'react';
import { Button } from '@/client/components/ui/button';
import { t } from '@/client/i18n/i18n';
import type { AlertsSettings, RuleConfig } from '@/shared/alerts-schema';
import type { DisplayInfo } from '@/shared/display-schema';
import type { MessageKey } from '@/shared/i18n/message-key';
import { CAPACITY_RULES, type CapacityRuleType, capacityRuleIndex, type OtherRuleType } from './alerts-draft';
import { channelTitle } from './alerts-channels';
import type { AlertSpace, AlertTargets } from './alerts-settings-api';
import { Field, inputClass } from './settings-fields';

const CAPACITY_WORDS: Record<CapacityRuleType, MessageKey> = { nearly_full: 'settings.alerts.rule.nearlyFull', full: 'settings.alerts.rule.full' };

/** Each rule's name, as the settings list it (keys: said at render in the active language). */
const RULE_NAMES: Record<RuleConfig['type'], MessageKey> = {
  nearly_full: 'settings.alerts.rule.nearlyFull',
  full: 'settings.alerts.rule.full',
  door_silent: 'settings.alerts.rule.doorSilent',
  data_stale: 'settings.alerts.rule.dataStale',
  display_offline: 'settings.alerts.rule.displayOffline',
};

export const OTHER_RULES: Record<OtherRuleType, { add: MessageKey; says: MessageKey }> = {
  door_silent: { add: 'settings.alerts.add.doorSilent', says: 'settings.alerts.says.doorSilent' },
  data_stale: { add: 'settings.alerts.add.dataStale', says: 'settings.alerts.says.dataStale' },
  display_offline: { add: 'settings.alerts.add.displayOffline', says: 'settings.alerts.says.displayOffline' },
};

interface RulesProps {
  draft: AlertsSettings;
  targets: AlertTargets;
  displays: readonly DisplayInfo[];
  idPrefix: string;
  locked: boolean;
  errorAt: (path: string) => string | undefined;
  onToggle: (space: string, type: CapacityRuleType, on: boolean) => void;
  onChange: (index: number, rule: RuleConfig) => void;
  onRemove: (index: number) => void;
  onAdd: (type: OtherRuleType) => void;
}

/** A rule in words: "Café · Nearly full", "Car park door · Door silent after 60 min". */
export function ruleName(rule: RuleConfig, targets: AlertTargets, displays: readonly DisplayInfo[]): string {
  switch (rule.type) {
    case 'nearly_full':
    case 'full':
      return t('settings.alerts.ruleFor', { what: targets.spaces.find((s) => s.id === rule.space)?.name ?? rule.space, rule: t(RULE_NAMES[rule.type]) });
    case 'door_silent': {
      const door = targets.devices.find((d) => d.id === rule.device)?.name ?? t('settings.alerts.deviceN', { n: rule.device });
      return t('settings.alerts.ruleForAfter', { what: door, rule: t(RULE_NAMES[rule.type]), minutes: rule.minutes });
    }
    case 'data_stale':
      return t('settings.alerts.ruleAfter', { rule: t(RULE_NAMES[rule.type]), minutes: rule.minutes });
    case 'display_offline': {
      const display =
        rule.display === undefined ? t('settings.alerts.everyDisplay') : (displays.find((d) => d.id === rule.display)?.name ?? t('settings.alerts.aDisplay'));
      return t('settings.alerts.ruleForAfter', { what: display, rule: t(RULE_NAMES[rule.type]), minutes: rule.minutes });
    }
  }
}

/** The spaces to list: the site's, then any a saved rule names that the site no longer has. */
function spacesToList(draft: AlertsSettings, spaces: readonly AlertSpace[]): AlertSpace[] {
  const known = new Set(spaces.map((s) => s.id));
  const extra = draft.rules.flatMap((r) => ('space' in r && !known.has(r.space) ? [r.space] : []));
  return [...spaces, ...[...new Set(extra)].map((id) => ({ id, name: t('settings.alerts.notASpace', { id }), depth: 0, hasCapacity: true }))];
}

export function CapacityRules({ draft, targets, idPrefix, locked, errorAt, onToggle, onChange }: RulesProps) {
  return (
    <ul className="divide-y divide-line">
      {spacesToList(draft, targets.spaces).map((space) => (
        <li key={space.id} aria-label={space.name} className="py-3" style={{ paddingInlineStart: `${space.depth * 1.25}rem` }}>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
            <p className="min-w-40 flex-1 font-semibold break-words text-ink max-sm:basis-full">{space.name}</p>
            {space.hasCapacity ? (
              <div className="flex flex-wrap gap-x-6">
                {CAPACITY_RULES.map((type) => (
                  <label key={type} className="flex min-h-11 cursor-pointer items-center gap-2.5 text-ink">
                    <input
                      type="checkbox"
                      className="size-5 shrink-0 accent-accent"
                      checked={capacityRuleIndex(draft, space.id, type) >= 0}
                      disabled={locked}
                      onChange={(e) => onToggle(space.id, type, e.target.checked)}
                      aria-label={t('settings.alerts.ruleOfSpace', { rule: t(CAPACITY_WORDS[type]), space: space.name })}
                    />
                    {t(CAPACITY_WORDS[type])}
                  </label>
                ))}
              </div>
            ) : (
              <p className="text-sm text-muted">{t('settings.alerts.noCapacity')}</p>
            )}
          </div>
          {CAPACITY_RULES.map((type) => {
            const index = capacityRuleIndex(draft, space.id, type);
            const rule = draft.rules[index];
            if (rule === undefined) return null;
            return (
              <RuleDetails
                key={type}
                title={t('settings.alerts.ruleOfSpace', { rule: t(CAPACITY_WORDS[type]), space: space.name })}
                when={type === 'full' ? t('settings.alerts.whenFull') : t('settings.alerts.whenNearlyFull')}
                rule={rule}
                index={index}
                channels={draft.channels}
                idPrefix={`${idPrefix}-${index}`}
                locked={locked}
                errorAt={errorAt}
                onChange={(r) => onChange(index, r)}
              >
                {errorAt(`rules.${index}.space`) ? <p className="text-sm text-full-ink">{errorAt(`rules.${index}.space`)}</p> : null}
              </RuleDetails>
            );
          })}
        </li>
      ))}
    </ul>
  );
}

export function OtherRules({ draft, targets, displays, idPrefix, locked, errorAt, onChange, onRemove, onAdd }: RulesProps) {
  const others = draft.rules.flatMap((rule, index) => (rule.type === 'nearly_full' || rule.type === 'full' ? [] : [{ rule, index }]));
  const shownDisplays = displays.filter((d) => d.revokedAt === null);
  return (
    <>
      {others.length === 0 ? <p className="text-sm text-muted">{t('settings.alerts.noneYet')}</p> : null}
      <ul className="space-y-3">
        {others.map(({ rule, index }) => {
          const at = (field: string) => errorAt(`rules.${index}.${field}`);
          const id = (field: string) => `${idPrefix}-${index}-${field}`;
          const minutes = 'minutes' in rule ? rule.minutes : 0;
          const type = rule.type;
          return (
            <li key={index} className="rounded-xl border border-line p-4">
              <RuleDetails
                title={t(RULE_NAMES[type])}
                heading
                rule={rule}
                index={index}
                channels={draft.channels}
                idPrefix={`${idPrefix}-${index}`}
                locked={locked}
                errorAt={errorAt}
                onChange={(r) => onChange(index, r)}
                hint={t(OTHER_RULES[type].says)}
                onRemove={locked ? undefined : () => onRemove(index)}
              >
                {rule.type === 'door_silent' ? (
                  <Field id={id('device')} label={t('settings.alerts.door')} error={at('device')}>
                    {(a11y) => (
                      <select
                        id={id('device')}
                        value={rule.device}
                        onChange={(e) => onChange(index, { ...rule, device: Number(e.target.value) })}
                        className={inputClass(a11y['aria-invalid'] === true)}
                        {...a11y}
                        disabled={locked}
                      >
                        {targets.devices.some((d) => d.id === rule.device) ? null : (
                          <option value={rule.device}>{t('settings.alerts.deviceN', { n: rule.device })}</option>
                        )}
                        {targets.devices.map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ) : null}
                {rule.type === 'display_offline' ? (
                  <Field id={id('display')} label={t('settings.alerts.display')} error={at('display')}>
                    {(a11y) => (
                      <select
                        id={id('display')}
                        value={rule.display ?? ''}
                        onChange={(e) => {
                          const { display: _old, ...rest } = rule;
                          onChange(index, e.target.value === '' ? rest : { ...rest, display: e.target.value });
                        }}
                        className={inputClass(a11y['aria-invalid'] === true)}
                        {...a11y}
                        disabled={locked}
                      >
                        <option value="">{t('settings.alerts.everyDisplay')}</option>
                        {rule.display !== undefined && !shownDisplays.some((d) => d.id === rule.display) ? (
                          <option value={rule.display}>{t('settings.alerts.displayGone')}</option>
                        ) : null}
                        {shownDisplays.map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ) : null}
                <Field id={id('minutes')} label={t('settings.alerts.afterMinutes')} error={at('minutes')}>
                  {(a11y) => (
                    <input
                      id={id('minutes')}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={10_080}
                      value={Number.isNaN(minutes) ? '' : minutes}
                      onChange={(e) => onChange(index, { ...rule, minutes: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                      className={`${inputClass(a11y['aria-invalid'] === true)} max-w-32`}
                      {...a11y}
                      disabled={locked}
                    />
                  )}
                </Field>
              </RuleDetails>
            </li>
          );
        })}
      </ul>
      {locked ? null : (
        <div className="mt-4 flex flex-wrap gap-2">
          {(Object.keys(OTHER_RULES) as OtherRuleType[]).map((type) => (
            <Button key={type} tone="accent" className="px-3 text-sm" onClick={() => onAdd(type)}>
              {t(OTHER_RULES[type].add)}
            </Button>
          ))}
        </div>
      )}
    </>
  );
}

interface RuleDetailsProps {
  title: string;
  /** What the box under a space's toggles shows ("When full"; the space is named above it). */
  when?: string;
  /** A heading of its own (a card); else a line under the space's toggles. */
  heading?: boolean;
  hint?: string;
  rule: RuleConfig;
  index: number;
  channels: AlertsSettings['channels'];
  idPrefix: string;
  locked: boolean;
  errorAt: (path: string) => string | undefined;
  onChange: (rule: RuleConfig) => void;
  onRemove?: (() => void) | undefined;
  children?: ReactNode;
}

/** What every rule has: the channels it goes to, and how often it may repeat. */
function RuleDetails({ title, when, heading, hint, rule, index, channels, idPrefix, locked, errorAt, onChange, onRemove, children }: RuleDetailsProps) {
  const cooldownId = `${idPrefix}-cooldownMinutes`;
  const channelsError = errorAt(`rules.${index}.channels`) ?? firstChannelError(errorAt, index, rule.channels.length);
  return (
    <div className={heading ? undefined : 'mt-2 rounded-lg bg-sunken p-3'}>
      <fieldset disabled={locked} className="min-w-0">
        {heading ? (
          <legend className="contents">
            <span className="block font-semibold text-ink">{title}</span>
          </legend>
        ) : (
          <legend className="mb-2 text-sm font-semibold text-ink">
            {when ?? title}
            <span className="sr-only">{t('settings.alerts.detailsOf', { title })}</span>
          </legend>
        )}
        {hint ? <p className="text-sm text-muted">{hint}</p> : null}
        <div className={`grid gap-4 sm:grid-cols-[repeat(auto-fit,minmax(12rem,1fr))] ${heading ? 'mt-3' : ''}`}>
          {children}
          <fieldset className="min-w-0">
            <legend className="text-sm font-semibold text-ink">{t('settings.alerts.sendTo')}</legend>
            {channels.length === 0 ? (
              <p className="mt-1.5 text-sm text-muted">{t('settings.alerts.noChannelsRule')}</p>
            ) : (
              <div className="mt-1 flex flex-wrap gap-x-4">
                {channels.map((c) => (
                  <label key={c.id} className="flex min-h-11 cursor-pointer items-center gap-2 text-ink">
                    <input
                      type="checkbox"
                      className="size-4 shrink-0 accent-accent"
                      checked={rule.channels.includes(c.id)}
                      onChange={(e) => onChange({ ...rule, channels: e.target.checked ? [...rule.channels, c.id] : rule.channels.filter((id) => id !== c.id) })}
                    />
                    {channelTitle(c)}
                  </label>
                ))}
              </div>
            )}
            {channelsError ? <p className="mt-1 text-sm text-full-ink">{channelsError}</p> : null}
          </fieldset>
          {rule.type === 'nearly_full' || rule.type === 'full' ? (
            <Field id={cooldownId} label={t('settings.alerts.cooldown')} error={errorAt(`rules.${index}.cooldownMinutes`)}>
              {(a11y) => (
                <input
                  id={cooldownId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1440}
                  value={Number.isNaN(rule.cooldownMinutes) ? '' : rule.cooldownMinutes}
                  onChange={(e) => onChange({ ...rule, cooldownMinutes: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                  className={`${inputClass(a11y['aria-invalid'] === true)} max-w-32`}
                  {...a11y}
                  disabled={locked}
                />
              )}
            </Field>
          ) : null}
        </div>
        {onRemove ? (
          <Button tone="quiet" className="mt-2 px-3" onClick={onRemove} aria-label={t('settings.alerts.removeRule', { title })}>
            {t('settings.remove')}
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}

function firstChannelError(errorAt: (path: string) => string | undefined, index: number, count: number): string | undefined {
  for (let j = 0; j < count; j++) {
    const message = errorAt(`rules.${index}.channels.${j}`);
    if (message) return message;
  }
  return undefined;
}
