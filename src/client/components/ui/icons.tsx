// The few icons the UI needs, as inline SVG (no icon font, no extra bundle). Always decorative:
// the words beside them carry the meaning.
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

/** Space available: a tick in a circle. */
export function CheckCircleIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="m6.8 10.2 2.2 2.2 4.2-4.6" />
    </Icon>
  );
}

/** Nearly full: a warning triangle. */
export function AlertTriangleIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M10 3.2 17.4 16H2.6L10 3.2Z" />
      <path d="M10 8.2v3.6" />
      <path d="M10 14.1h.01" strokeWidth={2.4} />
    </Icon>
  );
}

/** Full: a no-entry sign. */
export function NoEntryIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M6.2 10h7.6" strokeWidth={2.4} />
    </Icon>
  );
}

export function ClockIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M10 6v4.2l2.8 1.8" />
    </Icon>
  );
}

export function CloudOffIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 15.5h8.2a3.3 3.3 0 0 0 .9-6.5 5 5 0 0 0-8.7-1.8A3.6 3.6 0 0 0 6 15.5Z" />
      <path d="m3 3 14 14" />
    </Icon>
  );
}

export function KeyIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="6.5" cy="13.5" r="3.5" />
      <path d="m9 11 7-7M13.5 6.5l2 2M12 8l1.5 1.5" />
    </Icon>
  );
}

export function InfoIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M10 9v4.5" />
      <path d="M10 6.4h.01" strokeWidth={2.4} />
    </Icon>
  );
}

export function ArrowInIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 10h10M10 6l4 4-4 4" />
    </Icon>
  );
}

export function ArrowOutIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M16 10H6M10 6l-4 4 4 4" />
    </Icon>
  );
}

export function PersonIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="6.5" r="3" />
      <path d="M4.5 17c.6-3.2 2.8-5 5.5-5s4.9 1.8 5.5 5" />
    </Icon>
  );
}

/** Bars of past days. */
export function HistoryIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 16.5h14" />
      <path d="M5.5 13.5v-4M10 13.5v-8M14.5 13.5v-6" />
    </Icon>
  );
}

export function CloseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m5 5 10 10M15 5 5 15" />
    </Icon>
  );
}

export function DownloadIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M10 3v9.5M6 8.8l4 3.8 4-3.8" />
      <path d="M3.5 16.5h13" />
    </Icon>
  );
}

/** A disclosure's arrow: points right when folded (rotate it 90° when open). */
export function ChevronRightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m8 5 5 5-5 5" />
    </Icon>
  );
}

/** "Inside this": an arrow turning down and right, towards a parent's children. */
export function CornerDownRightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5 4v6.5a2 2 0 0 0 2 2h8M12 9.5l3 3-3 3" />
    </Icon>
  );
}

/** Alerts: a bell. */
export function BellIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5 8.5a5 5 0 0 1 10 0c0 4 1.5 5.5 1.5 5.5h-13S5 12.5 5 8.5Z" />
      <path d="M8.3 16.5a1.9 1.9 0 0 0 3.4 0" />
    </Icon>
  );
}
