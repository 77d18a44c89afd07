import { describe, expect, it } from 'vitest';
import type { AlertsSettings } from '@/shared/alerts-schema';
import { addChannel, alertsChangeWords, draftProblems, messageAtField, newChannelId, parseRecipients, removeChannel, toggleCapacityRule } from './alerts-draft';

const TWO: AlertsSettings = {
  channels: [
    { id: 'webhook-1', type: 'webhook', url: 'https://a.example/x', format: 'json' },
    { id: 'email-1', type: 'email', to: ['duty@example.org'] },
  ],
  rules: [{ type: 'full', space: 'cafe', channels: ['webhook-1', 'email-1'], cooldownMinutes: 15 }],
};

describe('the alerts form state', () => {
  it('gives a new channel an id no other has', () => {
    expect(newChannelId('webhook', TWO.channels)).toBe('webhook-2');
    expect(newChannelId('email', [])).toBe('email-1');
    expect(addChannel(TWO, 'email').channels.at(-1)).toEqual({ id: 'email-2', type: 'email', to: [] });
  });

  it('a removed channel is named by no rule', () => {
    expect(removeChannel(TWO, 0)).toEqual({ channels: [TWO.channels[1]], rules: [{ ...TWO.rules[0], channels: ['email-1'] }] });
  });

  it('a capacity toggle adds the rule once (to every channel) and removes it', () => {
    const on = toggleCapacityRule(TWO, 'gym', 'nearly_full', true);
    expect(on.rules.at(-1)).toEqual({ type: 'nearly_full', space: 'gym', channels: ['webhook-1', 'email-1'], cooldownMinutes: 15 });
    expect(toggleCapacityRule(on, 'gym', 'nearly_full', true)).toBe(on);
    expect(toggleCapacityRule(on, 'gym', 'nearly_full', false).rules).toEqual(TWO.rules);
  });

  it('reads recipients separated by lines, commas, semicolons or spaces', () => {
    expect(parseRecipients(' a@b.org,\nc@d.org; e@f.org  ')).toEqual(['a@b.org', 'c@d.org', 'e@f.org']);
    expect(parseRecipients(' ,\n')).toEqual([]);
  });

  it('keys problems by the path the server names, one per recipients field', () => {
    const bad: AlertsSettings = {
      channels: [
        { id: 'webhook-1', type: 'webhook', url: '', format: 'json' },
        { id: 'email-1', type: 'email', to: ['ok@example.org', 'nope', 'also nope'] },
      ],
      rules: [{ type: 'data_stale', minutes: 0, channels: [], cooldownMinutes: 15 }],
    };
    expect(draftProblems(bad)).toEqual({
      'channels.0.url': 'This is empty: paste the address the receiving service gave you.',
      'channels.1.to': '“nope” is not an email address.',
      'rules.0.minutes': 'Enter at least 1 minute.',
    });
    expect(draftProblems(TWO)).toEqual({});
    expect(messageAtField('rules.0.space "attic" is not a space of this site.', 'rules.0.space')).toBe('"attic" is not a space of this site');
  });
});

describe('alertsChangeWords', () => {
  it('names what saving changes: channels added, changed, removed; rules turned on, changed, off', () => {
    const names = { channel: (c: { id: string }) => c.id.toUpperCase(), rule: (r: { type: string }) => r.type };
    const draft: AlertsSettings = {
      channels: [
        { ...TWO.channels[0]!, url: 'https://b.example/y' } as AlertsSettings['channels'][number],
        { id: 'webhook-2', type: 'webhook', url: 'https://c.example', format: 'slack' },
      ],
      rules: [
        { type: 'full', space: 'cafe', channels: ['webhook-1'], cooldownMinutes: 15 },
        { type: 'data_stale', minutes: 5, channels: [], cooldownMinutes: 15 },
      ],
    };
    expect(alertsChangeWords(TWO, draft, names)).toEqual([
      'Changes the channel “WEBHOOK-1”',
      'Adds the channel “WEBHOOK-2”',
      'Removes the channel “EMAIL-1”',
      'Changes: full',
      'Turns on: data_stale',
    ]);
    expect(alertsChangeWords(TWO, TWO, names)).toEqual([]);
  });
});
