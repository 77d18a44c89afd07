// Settings ▸ Alerts ▸ Channels: each webhook (address and format) or email (recipients) with its
// own "Send a test", which sends through the channel as entered, saved or not.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/client/components/ui/button';
import { t } from '@/client/i18n/i18n';
import { type ChannelConfig, channelSchema, WEBHOOK_FORMATS, type WebhookFormat } from '@/shared/alerts-schema';
import { parseRecipients } from './alerts-draft';
import { sendTestAlert } from './alerts-settings-api';
import { Field, inputClass } from './settings-fields';
import { problemText } from './settings-problems';

/** The formats' names: product names stay as they are; JSON says what it is for. */
const formatName = (f: WebhookFormat): string => (f === 'json' ? t('settings.alerts.format.json') : f === 'slack' ? 'Slack' : 'Microsoft Teams');

interface ChannelCardProps {
  channel: ChannelConfig;
  /** Field ids start with this; problems are looked up by `channels.<index>.<field>`. */
  idPrefix: string;
  index: number;
  locked: boolean;
  errorAt: (path: string) => string | undefined;
  onChange: (channel: ChannelConfig) => void;
  onRemove: () => void;
}

export function channelTitle(channel: ChannelConfig): string {
  if (channel.name !== undefined && channel.name.trim() !== '') return channel.name;
  return channel.type === 'webhook'
    ? t('settings.alerts.webhookN', { n: channel.id.replace(/^webhook-/, '') })
    : t('settings.alerts.emailN', { n: channel.id.replace(/^email-/, '') });
}

export function ChannelCard({ channel, idPrefix, index, locked, errorAt, onChange, onRemove }: ChannelCardProps) {
  const at = (field: string) => errorAt(`channels.${index}.${field}`);
  const fieldId = (field: string) => `${idPrefix}-${field}`;
  // What is typed stays as typed ("a@b.org, "); the channel gets the addresses in it.
  const [recipients, setRecipients] = useState(channel.type === 'email' ? channel.to.join('\n') : '');
  const queryClient = useQueryClient();
  // The test is in the alert log at once, not at its next refresh.
  const test = useMutation({
    mutationFn: () => sendTestAlert(channel),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'alerts', 'log'] }),
  });
  // A channel the server would refuse is not sent: the fields say what is missing.
  const [unready, setUnready] = useState(false);
  const sendTest = () => {
    if (!channelSchema.safeParse(channel).success) {
      test.reset();
      setUnready(true);
      return;
    }
    setUnready(false);
    test.mutate();
  };
  const title = channelTitle(channel);
  return (
    <li aria-label={title} className="rounded-xl border border-line p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="min-w-0 font-semibold break-words text-ink">
          {title}{' '}
          <span className="text-sm font-normal text-muted">
            · {channel.type === 'webhook' ? t('settings.alerts.kind.webhook') : t('settings.alerts.kind.email')}
          </span>
        </h4>
      </div>
      <fieldset disabled={locked} className="mt-3 grid min-w-0 gap-4 sm:grid-cols-2">
        <Field id={fieldId('name')} label={t('settings.alerts.channelName')} error={at('name')} hint={t('settings.alerts.channelNameHint')}>
          {(a11y) => (
            <input
              id={fieldId('name')}
              type="text"
              maxLength={80}
              autoComplete="off"
              value={channel.name ?? ''}
              placeholder={channel.type === 'webhook' ? t('settings.alerts.webhookPlaceholder') : t('settings.alerts.emailPlaceholder')}
              onChange={(e) => onChange(withName(channel, e.target.value))}
              className={inputClass(a11y['aria-invalid'] === true)}
              {...a11y}
              disabled={locked}
            />
          )}
        </Field>
        {channel.type === 'webhook' ? (
          <>
            <Field id={fieldId('format')} label={t('settings.alerts.format')} error={at('format')}>
              {(a11y) => (
                <select
                  id={fieldId('format')}
                  value={channel.format}
                  onChange={(e) => onChange({ ...channel, format: e.target.value as WebhookFormat })}
                  className={inputClass(a11y['aria-invalid'] === true)}
                  {...a11y}
                  disabled={locked}
                >
                  {WEBHOOK_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {formatName(f)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fieldId('url')} label={t('settings.alerts.url')} error={at('url')} className="sm:col-span-2" hint={t('settings.alerts.urlHint')}>
              {(a11y) => (
                <input
                  id={fieldId('url')}
                  type="url"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  value={channel.url}
                  placeholder="https://hooks.example.org/…"
                  onChange={(e) => onChange({ ...channel, url: e.target.value })}
                  className={`${inputClass(a11y['aria-invalid'] === true)} font-mono text-sm`}
                  {...a11y}
                  disabled={locked}
                />
              )}
            </Field>
          </>
        ) : (
          <Field
            id={fieldId('to')}
            label={t('settings.alerts.recipients')}
            error={at('to')}
            className="sm:col-span-2"
            hint={t('settings.alerts.recipientsHint')}
          >
            {(a11y) => (
              <textarea
                id={fieldId('to')}
                rows={2}
                spellCheck={false}
                autoComplete="off"
                value={recipients}
                placeholder="duty@example.org"
                onChange={(e) => {
                  setRecipients(e.target.value);
                  onChange({ ...channel, to: parseRecipients(e.target.value) });
                }}
                className={`${inputClass(a11y['aria-invalid'] === true)} py-2`}
                {...a11y}
                disabled={locked}
              />
            )}
          </Field>
        )}
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button tone="accent" className="px-4" disabled={test.isPending} onClick={sendTest} aria-describedby={`${idPrefix}-test-result`}>
          {test.isPending ? t('settings.alerts.sending') : t('settings.alerts.sendTest')}
        </Button>
        {locked ? null : (
          <Button tone="quiet" className="px-3" onClick={onRemove} aria-label={t('settings.alerts.removeChannel', { name: title })}>
            {t('settings.remove')}
          </Button>
        )}
        <p id={`${idPrefix}-test-result`} role="status" className="min-w-0 flex-1 basis-56 text-sm">
          {unready ? (
            <span className="text-full-ink">{channel.type === 'webhook' ? t('settings.alerts.fillUrl') : t('settings.alerts.fillRecipient')}</span>
          ) : test.isSuccess ? (
            test.data.ok ? (
              <span className="text-ink">{t('settings.alerts.testSent')}</span>
            ) : (
              <span className="text-full-ink">
                {test.data.reason ? t('settings.alerts.testNotDelivered', { reason: test.data.reason }) : t('settings.alerts.testNotDeliveredNoReason')}
              </span>
            )
          ) : test.isError ? (
            <span className="text-full-ink">{t('settings.alerts.testNotSent', { reason: problemText(test.error) })}</span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

function withName(channel: ChannelConfig, name: string): ChannelConfig {
  const { name: _old, ...rest } = channel;
  return name === '' ? rest : { ...rest, name };
}
