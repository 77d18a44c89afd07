// A link to another page of this app: a real <a href> (opens in a new tab, copies, reads as a
// link), that moves without reloading the page on a plain click.
import type { AnchorHTMLAttributes } from 'react';
import { navigate } from '@/client/lib/navigation';

interface AppLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

export function AppLink({ to, onClick, ...props }: AppLinkProps) {
  return (
    <a
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
      {...props}
    />
  );
}
