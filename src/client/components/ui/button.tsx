// The app's buttons: one thumb-sized shape (44 px high) in a few tones, so every feature's
// buttons look and behave alike. `buttonClass` styles a link or summary the same way.
import type { ButtonHTMLAttributes } from 'react';
import { t } from '@/client/i18n/i18n';

export type ButtonTone = 'primary' | 'secondary' | 'accent' | 'quiet';

const tones: Record<ButtonTone, string> = {
  /** The one main action of a form or panel. */
  primary: 'bg-accent font-semibold text-surface hover:opacity-90',
  /** Close, cancel: an outlined neutral button. */
  secondary: 'border border-line bg-surface font-medium text-ink hover:bg-sunken',
  /** Retry and other helpful actions: outlined, in the accent's ink. */
  accent: 'border border-line bg-surface font-medium text-accent-ink hover:bg-accent-soft',
  /** A text-like action inside a box. */
  quiet: 'font-medium text-accent-ink hover:bg-accent-soft',
};

/** Padding is left to the caller (px-3, px-4 …) so it never fights a second padding class. */
export function buttonClass(tone: ButtonTone, className = ''): string {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-lg disabled:opacity-60 ${tones[tone]} ${className}`.trim();
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tone: ButtonTone;
}

export function Button({ tone, className = '', type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(tone, className)} {...props} />;
}

/** "Try again" that says "Trying…" and waits while a retry is under way. */
export function RetryButton({
  retrying,
  onRetry,
  label,
  tone,
  className,
}: {
  retrying: boolean;
  onRetry: () => void;
  label: string;
  tone: ButtonTone;
  className: string;
}) {
  return (
    <Button tone={tone} onClick={onRetry} disabled={retrying} className={className}>
      {retrying ? t('dashboard.button.trying') : label}
    </Button>
  );
}
