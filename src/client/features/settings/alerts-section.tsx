// Settings ▸ Alerts (admins): the channels alerts go to (webhooks, email) each with "Send a test",
// the rules (per space nearly full / full, silent doors, no live count, offline displays), saved
// with the SaveBar; then the alert log. Read-only with a note when the provisioning file sets them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/client/components/ui/button';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { ApiRequestError } from '@/client/lib/api-client';
import { configQueryOptions } from '@/client/lib/config-queries';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import type { AlertsSettings } from '@/shared/alerts-schema';
import type { DisplayInfo } from '@/shared/display-schema';
import {
  addChannel,
  addOtherRule,
  alertsChangeWords,
  changeChannel,
  changeRule,
  draftProblems,
  messageAtField,
  removeChannel,
  removeRule,
  toggleCapacityRule,
} from './alerts-draft';
import { ChannelCard, channelTitle } from './alerts-channels';
import { AlertLog } from './alerts-log';
import { CapacityRules, OtherRules, ruleName } from './alerts-rules';
import { type AlertTargets, alertTargetsQueryOptions, saveAlerts } from './alerts-settings-api';
import { displaysQueryOptions } from './displays-api';
import { ADMIN_SETTINGS_KEY, adminSettingsQueryOptions } from './settings-api';
import { SaveBar, SaveStatus, SectionMessage } from './settings-fields';
import { problemText } from './settings-problems';

export function AlertsSection() {
  const settings = useQuery(adminSettingsQueryOptions());
  const targets = useQuery(alertTargetsQueryOptions());
  const displays = useQuery(displaysQueryOptions());
  const config = useQuery(configQueryOptions());
  const [saved, setSaved] = useState(false);
  if (settings.isPending || (targets.isPending && !targets.isError)) return <Skeleton className="h-96 rounded-2xl" />;
  if (settings.error) return <SectionMessage title={t('settings.alerts.loadFailed')}>{problemText(settings.error)}</SectionMessage>;
  // Without the live answer the rules can still be edited by what they name.
  const known: AlertTargets = targets.data ?? { spaces: [], devices: [] };
  return (
    <div className="space-y-6">
      <AlertsForm
        key={JSON.stringify(settings.data.values.alerts)}
        settings={settings.data}
        targets={known}
        targetsFailed={targets.isError}
        displays={displays.data ?? []}
        saved={saved}
        onSaved={setSaved}
      />
      <AlertLog channels={settings.data.values.alerts.channels} timeZone={config.data?.timezone} />
    </div>
  );
}

interface FormProps {
  settings: AdminSettings;
  targets: AlertTargets;
  targetsFailed: boolean;
  displays: readonly DisplayInfo[];
  saved: boolean;
  onSaved: (saved: boolean) => void;
}

export function AlertsForm({ settings, targets, targetsFailed, displays, saved: justSaved, onSaved }: FormProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const saved = settings.values.alerts;
  const lockSource = settings.locked.alerts;
  const locked = lockSource !== undefined;
  const [draft, setDraft] = useState<AlertsSettings>(saved);
  const [shown, setShown] = useState(false);
  const problems = draftProblems(draft);
  const save = useMutation({
    mutationFn: saveAlerts,
    onSuccess: (answer) => {
      onSaved(true);
      queryClient.setQueryData(ADMIN_SETTINGS_KEY, answer);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
  const serverError = save.error instanceof ApiRequestError ? save.error : null;
  const errorAt = (path: string): string | undefined =>
    (shown ? problems[path] : undefined) ?? (serverError?.field === path ? messageAtField(serverError.message, path) : undefined);
  const edit = (next: AlertsSettings) => {
    setDraft(next);
    save.reset();
    onSaved(false);
  };
  const changes = alertsChangeWords(saved, draft, { channel: channelTitle, rule: (r) => ruleName(r, targets, displays) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      // The first field with a problem, by the id its card gives it.
      document.querySelector<HTMLElement>(`[data-field="${id}-${first.replace(/\./g, '-')}"] :is(input, select, textarea)`)?.focus();
      return;
    }
    save.mutate(draft);
  };
  const ruleProps = {
    draft,
    targets,
    displays,
    idPrefix: `${id}-rules`,
    locked,
    errorAt,
    onToggle: (space: string, type: 'nearly_full' | 'full', on: boolean) => edit(toggleCapacityRule(draft, space, type, on)),
    onChange: (index: number, rule: AlertsSettings['rules'][number]) => edit(changeRule(draft, index, rule)),
    onRemove: (index: number) => edit(removeRule(draft, index)),
    onAdd: (type: 'door_silent' | 'data_stale' | 'display_offline') => edit(addOtherRule(draft, type, targets.devices[0]?.id)),
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('settings.section.alerts')} className="space-y-6">
      {locked ? (
        <p className="rounded-lg bg-notice-soft p-3 text-sm text-notice-ink">
          {lockSource === 'file' ? t('settings.alerts.lockedFile') : t('settings.alerts.lockedEnv')}
        </p>
      ) : null}

      <Panel level={3} headingId={`${id}-channels`} heading={t('settings.alerts.channels')} subtitle={t('settings.alerts.channelsIntro')}>
        {draft.channels.length === 0 ? <p className="mt-4 text-sm text-muted">{t('settings.alerts.noChannels')}</p> : null}
        <ul className="mt-4 space-y-3">
          {draft.channels.map((channel, index) => (
            <ChannelCard
              // The id stays while the fields change; a new channel gets a new one.
              key={channel.id}
              channel={channel}
              index={index}
              idPrefix={`${id}-channels-${index}`}
              locked={locked}
              errorAt={errorAt}
              onChange={(c) => edit(changeChannel(draft, index, c))}
              onRemove={() => edit(removeChannel(draft, index))}
            />
          ))}
        </ul>
        {locked ? null : (
          <div className="mt-4 flex flex-wrap gap-2">
            <Button tone="accent" className="px-3 text-sm" onClick={() => edit(addChannel(draft, 'webhook'))}>
              {t('settings.alerts.addWebhook')}
            </Button>
            <Button tone="accent" className="px-3 text-sm" onClick={() => edit(addChannel(draft, 'email'))}>
              {t('settings.alerts.addEmail')}
            </Button>
          </div>
        )}
      </Panel>

      <Panel level={3} headingId={`${id}-capacity`} heading={t('settings.alerts.capacity')} subtitle={t('settings.alerts.capacityIntro')}>
        {targetsFailed ? <p className="mt-3 text-sm text-muted">{t('settings.alerts.targetsFailed')}</p> : null}
        <div className="mt-2">
          <CapacityRules {...ruleProps} />
        </div>
      </Panel>

      <Panel level={3} headingId={`${id}-other`} heading={t('settings.alerts.other')} subtitle={t('settings.alerts.otherIntro')}>
        <div className="mt-4">
          <OtherRules {...ruleProps} />
        </div>
      </Panel>

      <div className="rounded-2xl border border-line bg-surface p-4 sm:p-6">
        <SaveBar
          id={id}
          changes={locked ? [] : changes}
          pending={save.isPending}
          label={t('settings.alerts.save')}
          className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between"
        />
        <SaveStatus
          saved={justSaved ? t('settings.alerts.saved') : null}
          problem={
            shown && Object.keys(problems).length > 0
              ? t('settings.alerts.fixFields')
              : save.error
                ? t('settings.notSaved', { reason: problemText(save.error) })
                : null
          }
        />
      </div>
    </form>
  );
}
