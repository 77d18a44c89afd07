// Settings ▸ Alerts ▸ Channels: each webhook (address and format) or email (recipients) with its
// own "Send a test", which sends through the channel as entered, saved or not.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/client/components/ui/button';
import { type ChannelConfig, channelSchema, WEBHOOK_FORMATS, type WebhookFormat } from '@/shared/alerts-schema';
import { parseRecipients } from './alerts-draft';
import { sendTestAlert } from './alerts-settings-api';
import { Field, inputClass } from './settings-fields';

export const FORMAT_NAMES: Record<WebhookFormat, string> = { json: 'JSON (for your own systems)', slack: 'Slack', teams: 'Microsoft Teams' };

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
  return channel.type === 'webhook' ? `Webhook ${channel.id.replace(/^webhook-/, '')}` : `Email ${channel.id.replace(/^email-/, '')}`;
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
        <h4 className="font-semibold text-ink">
          {title} <span className="text-sm font-normal text-muted">· {channel.type === 'webhook' ? 'webhook' : 'email'}</span>
        </h4>
      </div>
      <fieldset disabled={locked} className="mt-3 grid min-w-0 gap-4 sm:grid-cols-2">
        <Field id={fieldId('name')} label="Name" error={at('name')} hint="Shown in this list and in the alert log.">
          {(a11y) => (
            <input
              id={fieldId('name')}
              type="text"
              maxLength={80}
              autoComplete="off"
              value={channel.name ?? ''}
              placeholder={channel.type === 'webhook' ? 'Operations channel' : 'Duty managers'}
              onChange={(e) => onChange(withName(channel, e.target.value))}
              className={inputClass(a11y['aria-invalid'] === true)}
              {...a11y}
              disabled={locked}
            />
          )}
        </Field>
        {channel.type === 'webhook' ? (
          <>
            <Field id={fieldId('format')} label="Format" error={at('format')}>
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
                      {FORMAT_NAMES[f]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={fieldId('url')}
              label="Webhook address"
              error={at('url')}
              className="sm:col-span-2"
              hint="https, such as the incoming-webhook address Slack or Teams gave you."
            >
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
          <Field id={fieldId('to')} label="Recipients" error={at('to')} className="sm:col-span-2" hint="Email addresses, one per line or separated by commas.">
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
          {test.isPending ? 'Sending…' : 'Send a test'}
        </Button>
        {locked ? null : (
          <Button tone="quiet" className="px-3" onClick={onRemove} aria-label={`Remove the channel ${title}`}>
            Remove
          </Button>
        )}
        <p id={`${idPrefix}-test-result`} role="status" className="min-w-0 flex-1 basis-56 text-sm">
          {unready ? (
            <span className="text-full-ink">Fill in {channel.type === 'webhook' ? 'the webhook address' : 'at least one valid recipient'} first.</span>
          ) : test.isSuccess ? (
            test.data.ok ? (
              <span className="text-ink">Test sent. Check that it arrived.</span>
            ) : (
              <span className="text-full-ink">Test not delivered: {test.data.reason ?? 'no reason given'}.</span>
            )
          ) : test.isError ? (
            <span className="text-full-ink">Test not sent: {test.error.message}</span>
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
