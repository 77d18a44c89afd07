// Icons of the history feature, inline SVG like components/ui/icons; decorative, words beside them.
import type { SVGProps } from 'react';

const base = {
  viewBox: '0 0 20 20',
  width: '1em',
  height: '1em',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** Bars of past days. */
export function HistoryIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg {...base} {...props}>
      <path d="M3 16.5h14" />
      <path d="M5.5 13.5v-4M10 13.5v-8M14.5 13.5v-6" />
    </svg>
  );
}

export function CloseIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg {...base} {...props}>
      <path d="m5 5 10 10M15 5 5 15" />
    </svg>
  );
}

export function DownloadIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg {...base} {...props}>
      <path d="M10 3v9.5M6 8.8l4 3.8 4-3.8" />
      <path d="M3.5 16.5h13" />
    </svg>
  );
}
