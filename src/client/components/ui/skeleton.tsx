// A placeholder block for first load: same box as the content it stands for, no text.
export function Skeleton({ className = '' }: { className?: string }) {
  return <span aria-hidden="true" className={`block rounded-md bg-sunken motion-safe:animate-pulse ${className}`} />;
}
