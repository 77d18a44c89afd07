// The one-time set-password link, shown once, large, with Copy, when it runs out and how to hand it
// over. After the open demo's first account, it also says that everyone signs in from now on.
import { useEffect, useId, useRef, useState } from 'react';
import { Button, buttonClass } from '@/client/components/ui/button';
import { CheckCircleIcon, KeyIcon } from '@/client/components/ui/icons';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import type { PersonLink } from '@/shared/people-schema';
import { linkExpiryWords } from './people-words';

interface PersonLinkPanelProps {
  link: PersonLink;
  /** Whether the link came with adding the person (or is a new link for someone already there). */
  added: boolean;
  onDone: () => void;
}

type Copy = 'idle' | 'copied' | 'failed';

export function PersonLinkPanel({ link, added, onDone }: PersonLinkPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const urlRef = useRef<HTMLParagraphElement>(null);
  const [copy, setCopy] = useState<Copy>('idle');
  const [now] = useState(() => Date.now());
  const expiry = linkExpiryWords(link.expiresAt, now);

  // The link appears away from the button that made it: bring it (and the reader) there.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [link]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link.setPasswordUrl);
      setCopy('copied');
    } catch {
      // No clipboard here (an http page, a refused permission): select it for a copy by hand.
      const element = urlRef.current;
      const selection = window.getSelection();
      if (element && selection) {
        const range = document.createRange();
        range.selectNodeContents(element);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopy('failed');
    }
  };

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border-2 border-accent bg-surface p-4 sm:p-6">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="flex items-center gap-2 text-lg font-semibold text-ink outline-none">
        <KeyIcon className="size-5 shrink-0 text-accent-ink" />
        {link.signInRequired
          ? t('settings.people.link.signInRequired')
          : added
            ? t('settings.people.link.added', { name: link.name })
            : t('settings.people.link.new', { name: link.name })}
      </h3>
      {link.signInRequired ? (
        <p className="mt-2 max-w-prose text-base text-ink">{t('settings.people.link.firstAccount', { name: link.name })}</p>
      ) : (
        <p className="mt-2 max-w-prose text-base text-ink">
          {tx('settings.people.link.explain', { name: link.name, email: (c) => <span className="font-semibold break-words">{c}</span>, address: link.email })}
        </p>
      )}

      <p
        ref={urlRef}
        aria-label={t('settings.people.link.label')}
        className="mt-4 rounded-lg border border-line bg-sunken px-4 py-3 font-mono text-base break-all text-ink select-all sm:text-lg"
      >
        {link.setPasswordUrl}
      </p>

      <div className="mt-4 flex flex-wrap items-center gap-3">
        {link.signInRequired ? (
          <a href={link.setPasswordUrl} className={buttonClass('primary', 'px-5')}>
            {t('settings.people.link.setMine')}
          </a>
        ) : null}
        <Button tone={link.signInRequired ? 'accent' : 'primary'} onClick={() => void copyLink()} className="px-5">
          {t('settings.people.link.copy')}
        </Button>
        <p role="status" className="flex items-center gap-1.5 text-sm font-medium text-ok-ink">
          {copy === 'copied' ? (
            <>
              <CheckCircleIcon className="size-4 shrink-0" />
              {t('settings.people.link.copied', { name: link.name })}
            </>
          ) : null}
        </p>
      </div>
      <div role="alert">{copy === 'failed' ? <FieldError id={`${headingId}-copy`} message={t('settings.people.link.copyFailed')} /> : null}</div>

      <ul className="mt-4 max-w-prose list-disc space-y-1.5 pl-5 text-base text-ink marker:text-muted">
        <li>{tx('settings.people.link.once', { b: (c) => <span className="font-semibold">{c}</span>, expiry })}</li>
        <li>{t('settings.people.link.private')}</li>
        <li>{t('settings.people.link.notAgain')}</li>
      </ul>

      <Button tone="secondary" onClick={onDone} className="mt-5 px-5">
        {t('settings.displays.done')}
      </Button>
    </section>
  );
}
