// A native modal <dialog>: the browser traps focus in it, makes the page behind inert and closes
// it on Escape. It opens when mounted and closes when unmounted; a click on the backdrop closes.
import { type ReactNode, type RefObject, useEffect, useRef } from 'react';

interface DialogProps {
  /** Escape, the backdrop and the browser's own close all end up here. */
  onClose: () => void;
  labelledBy: string;
  /** Focused on opening (else the browser's choice). */
  initialFocus?: RefObject<HTMLElement | null>;
  className: string;
  children: ReactNode;
}

export function Dialog({ onClose, labelledBy, initialFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // A DOM without showModal (an old browser, a test DOM) still shows the content.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
    // Opens once per mount; a new initialFocus ref must not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its content box.
        if (event.target === event.currentTarget) onClose();
      }}
      className={`p-0 text-ink backdrop:bg-black/50 ${className}`}
    >
      {children}
    </dialog>
  );
}
